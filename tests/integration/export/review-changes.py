"""Opens a DOCX with tracked changes in LibreOffice, as a reviewer would, and prints what it sees (JSON):
the tracked changes LibreOffice lists (type, author, date), and the body's paragraphs (each with the
number LibreOffice's list numbering gives it) and the footnotes' texts after LibreOffice itself accepts all changes, and after
it rejects all of them (the file reloaded in between).

usage: /usr/bin/python3 review-changes.py IN.docx
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from uno_office import office  # noqa: E402


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


def footnotes(doc):
    """The footnotes' texts, in order."""
    notes = doc.getFootnotes()
    return [notes.getByIndex(i).getString() for i in range(notes.getCount())]


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
    src = sys.argv[1]
    with office("review") as o:
        dispatcher = o.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", o.ctx)
        result = {}
        doc = o.load(src)
        result["changes"] = redlines(doc)
        result["marked"] = paragraphs(doc)
        result["markedNotes"] = footnotes(doc)
        dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, ())
        result["accepted"] = paragraphs(doc)
        result["acceptedNotes"] = footnotes(doc)
        result["afterAccept"] = len(redlines(doc))
        doc = o.load(src)
        dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:RejectAllTrackedChanges", "", 0, ())
        result["rejected"] = paragraphs(doc)
        result["rejectedNotes"] = footnotes(doc)
        result["afterReject"] = len(redlines(doc))
        print(json.dumps(result, ensure_ascii=False))


main()
