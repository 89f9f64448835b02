"""Edits a DOCX in LibreOffice with change tracking on, as a reviewer would, and saves it as DOCX.

usage: /usr/bin/python3 track-changes.py IN.docx OUT.docx "Given Surname" EDITS.json
EDITS.json: [{"from": "text to find", "to": "replacement"}, ...] (an empty "to" deletes),
comments: {"comment": "what it says", "on": "the words it is attached to"}, and moves:
{"move": "the opening words of a paragraph", "before": "those of the paragraph it goes before"}
(the paragraph deleted, mark and all, and its text inserted there: LibreOffice records a move).

The document is loaded as a model without a window: a headless LibreOffice 7.4 with a view
crashes when a comment is inserted (its sidebar window), and without a view its search finds
nothing, so the words are found here, paragraph by paragraph (tables' cells too).
"""
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import uno  # noqa: E402
from uno_office import office, prop  # noqa: E402


def paragraphs(text):
    """Every paragraph of a text, in order, with those of the tables' cells."""
    en = text.createEnumeration()
    while en.hasMoreElements():
        el = en.nextElement()
        if el.supportsService("com.sun.star.text.Paragraph"):
            yield el
        elif el.supportsService("com.sun.star.text.TextTable"):
            for name in el.getCellNames():
                yield from paragraphs(el.getCellByName(name))


def find(doc, what):
    """A cursor over each place `what` is found (the first of each paragraph), in document order."""
    out = []
    for par in paragraphs(doc.getText()):
        i = par.getString().find(what)
        if i >= 0:
            c = par.getText().createTextCursorByRange(par.getStart())
            c.goRight(i, False)
            c.goRight(len(what), True)
            out.append(c)
    if not out:
        raise SystemExit("not found: %s" % what)
    return out


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
        doc = o.smgr.createInstanceWithContext("com.sun.star.text.TextDocument", o.ctx)
        doc.load((prop("URL", uno.systemPathToFileUrl(os.path.abspath(src))), prop("FilterName", "MS Word 2007 XML")))
        o.docs.append(doc)
        # comments first: a comment is no tracked change
        for e in [e for e in edits if "comment" in e]:
            at = find(doc, e["on"])[0]
            note = doc.createInstance("com.sun.star.text.textfield.Annotation")
            note.Author = author
            note.Content = e["comment"]
            now = datetime.datetime.now(datetime.timezone.utc)
            stamp = uno.createUnoStruct("com.sun.star.util.DateTime")
            stamp.Year, stamp.Month, stamp.Day, stamp.Hours, stamp.Minutes, stamp.Seconds = now.year, now.month, now.day, now.hour, now.minute, now.second
            note.DateTimeValue = stamp
            at.getText().insertTextContent(at, note, True)
        doc.RecordChanges = True
        for e in [e for e in edits if "from" in e]:
            for at in find(doc, e["from"]):
                at.setString(e["to"])
        for e in [e for e in edits if "move" in e]:
            moved = find(doc, e["move"])[0]
            words = moved.getText().createTextCursorByRange(moved.getStart())
            words.gotoStartOfParagraph(False)
            words.gotoEndOfParagraph(True)
            text = words.getString()
            words.goRight(1, True)  # its paragraph mark
            words.setString("")
            to = find(doc, e["before"])[0]
            at = to.getText().createTextCursorByRange(to.getStart())
            at.gotoStartOfParagraph(False)
            to.getText().insertString(at, text, False)
            to.getText().insertControlCharacter(at, 0, False)  # PARAGRAPH_BREAK
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "MS Word 2007 XML"),))


main()
