"""Edits a DOCX in LibreOffice with change tracking on, as a reviewer would, and saves it as DOCX.

usage: /usr/bin/python3 track-changes.py IN.docx OUT.docx "Given Surname" EDITS.json
EDITS.json: [{"from": "text to find", "to": "replacement"}, ...] (an empty "to" deletes).
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


def main():
    src, dst, author, edits_file = sys.argv[1:5]
    edits = json.load(open(edits_file, encoding="utf-8"))
    profile = tempfile.mkdtemp(prefix="lo-track-")
    pipe = "rapporteur_track_%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible", "--norestore", "--nologo",
         "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    desktop = None
    doc = None
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
        config = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
        user = config.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                  (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
        given, _, surname = author.partition(" ")
        user.setPropertyValue("givenname", given)
        user.setPropertyValue("sn", surname)
        user.commitChanges()
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for _ in range(20):  # a freshly started office may refuse the first load
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
            if doc is not None:
                break
            time.sleep(0.5)
        if doc is None:
            raise SystemExit("LibreOffice could not open %s" % src)
        doc.RecordChanges = True
        for e in edits:
            search = doc.createReplaceDescriptor()
            search.SearchString = e["from"]
            search.ReplaceString = e["to"]
            if doc.replaceAll(search) == 0:
                raise SystemExit("not found: %s" % e["from"])
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "MS Word 2007 XML"),))
    finally:
        # close the document (its lock file goes with it) and the office this script started, whatever happened
        for step in (lambda: doc.close(True), lambda: desktop.terminate()):
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
