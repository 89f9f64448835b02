"""Edits a DOCX in LibreOffice with change tracking on, as a reviewer would, and saves it as DOCX.

usage: /usr/bin/python3 track-changes.py IN.docx OUT.docx "Given Surname" EDITS.json
EDITS.json: [{"from": "text to find", "to": "replacement"}, ...] (an empty "to" deletes).
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import uno  # noqa: E402
from uno_office import office, prop  # noqa: E402


def main():
    src, dst, author, edits_file = sys.argv[1:5]
    edits = json.load(open(edits_file, encoding="utf-8"))
    with office("track") as o:
        config = o.smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", o.ctx)
        user = config.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                  (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
        given, _, surname = author.partition(" ")
        user.setPropertyValue("givenname", given)
        user.setPropertyValue("sn", surname)
        user.commitChanges()
        doc = o.load(src)
        doc.RecordChanges = True
        for e in edits:
            search = doc.createReplaceDescriptor()
            search.SearchString = e["from"]
            search.ReplaceString = e["to"]
            if doc.replaceAll(search) == 0:
                raise SystemExit("not found: %s" % e["from"])
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "MS Word 2007 XML"),))


main()
