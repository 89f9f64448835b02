"""A LibreOffice of the test's own, driven through its Python UNO bridge (track-changes.py, review-changes.py).

Each use starts its own soffice with its own profile and pipe, so parallel test workers never share one,
and closes the documents it opened and that office, whatever happened.
"""
import contextlib
import os
import subprocess
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


class Office:
    def __init__(self, ctx):
        self.ctx = ctx
        self.smgr = ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        self.docs = []

    def load(self, path):
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        for _ in range(20):  # a freshly started office may refuse the first load
            doc = self.desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            if doc is not None:
                self.docs.append(doc)
                return doc
            time.sleep(0.5)
        raise SystemExit("LibreOffice could not open %s" % path)


@contextlib.contextmanager
def office(name):
    profile = tempfile.mkdtemp(prefix="lo-%s-" % name)
    pipe = "rapporteur_%s_%d" % (name, os.getpid())
    proc = subprocess.Popen(
        ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible", "--norestore", "--nologo",
         "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    o = None
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
        o = Office(ctx)
        yield o
    finally:
        # close the documents (their lock files go with them) and the office this script started
        steps = [(lambda d=d: d.close(True)) for d in (o.docs if o else [])] + ([lambda: o.desktop.terminate()] if o else [])
        for step in steps:
            try:
                step()
            except Exception:
                pass
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
        subprocess.run(["rm", "-rf", profile])
