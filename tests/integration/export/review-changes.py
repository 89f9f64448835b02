"""Opens a DOCX with tracked changes in LibreOffice, as a reviewer would, and prints what it sees (JSON):
the tracked changes LibreOffice lists (type, author, date), and the body's paragraphs (each with the
number LibreOffice's list numbering gives it) after LibreOffice itself accepts all changes, and after
it rejects all of them (the file reloaded in between).

usage: /usr/bin/python3 review-changes.py IN.docx
Runs its own soffice with its own profile and pipe, so parallel test workers never share one.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def paragraphs(doc):
    """Body paragraphs (tables' cells included, in order) as [number, text]."""
    out = []

    def walk(enum):
        while enum.hasMoreElements():
            el = enum.nextElement()
            if el.supportsService("com.sun.star.text.Paragraph"):
                label = el.getPropertyValue("ListLabelString") if el.getPropertySetInfo().hasPropertyByName("ListLabelString") else ""
                out.append([label or "", el.getString()])
            elif el.supportsService("com.sun.star.text.TextTable"):
                for name in el.getCellNames():
                    walk(el.getCellByName(name).getText().createEnumeration())

    walk(doc.getText().createEnumeration())
    return out


def redlines(doc):
    out = []
    enum = doc.getRedlines().createEnumeration()
    while enum.hasMoreElements():
        r = enum.nextElement()
        date = r.getPropertyValue("RedlineDateTime")
        out.append({
            "type": r.getPropertyValue("RedlineType"),
            "author": r.getPropertyValue("RedlineAuthor"),
            "date": "%04d-%02d-%02d" % (date.Year, date.Month, date.Day),
            "moved": bool(r.getPropertyValue("RedlineMoved")) if r.getPropertySetInfo().hasPropertyByName("RedlineMoved") else False,
        })
    return out


def main():
    src = os.path.abspath(sys.argv[1])
    profile = tempfile.mkdtemp(prefix="lo-review-")
    pipe = "rapporteur_review_%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible", "--norestore", "--nologo",
         "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    desktop = None
    docs = []
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(300):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.2)
        if ctx is None:
            raise SystemExit("LibreOffice did not start")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)

        def load():
            for _ in range(20):  # a freshly started office may refuse the first load
                doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
                if doc is not None:
                    docs.append(doc)
                    return doc
                time.sleep(0.5)
            raise SystemExit("LibreOffice could not open %s" % src)

        result = {}
        doc = load()
        result["changes"] = redlines(doc)
        result["marked"] = paragraphs(doc)
        frame = doc.getCurrentController().getFrame()
        dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
        result["accepted"] = paragraphs(doc)
        result["afterAccept"] = len(redlines(doc))
        doc = load()
        frame = doc.getCurrentController().getFrame()
        dispatcher.executeDispatch(frame, ".uno:RejectAllTrackedChanges", "", 0, ())
        result["rejected"] = paragraphs(doc)
        result["afterReject"] = len(redlines(doc))
        print(json.dumps(result, ensure_ascii=False))
    finally:
        # close the documents (their lock files go with them) and the office this script started, whatever happened
        for step in [(lambda d=d: d.close(True)) for d in docs] + [lambda: desktop.terminate()]:
            try:
                step()
            except Exception:
                pass
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(office.pid, 9)
        subprocess.run(["rm", "-rf", profile])


main()
