#!/usr/bin/env python3
"""Renders Markdown with markdown-it-py (CommonMark with tables) and prints the blocks a
reader sees as JSON, for the tests: headings, paragraphs (hard breaks as line feeds),
list items and table cells, as text.

usage: python3 read_markdown.py FILE.md
"""
import json
import sys
from html.parser import HTMLParser

from markdown_it import MarkdownIt


class Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.current = None
        self.row = None

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "th", "td"):
            self.current = {"kind": tag, "text": ""}
        elif tag == "br" and self.current is not None:
            self.current["text"] += "\n"
        elif tag == "tr":
            self.row = []

    def handle_endtag(self, tag):
        if self.current is not None and tag == self.current["kind"]:
            if tag in ("th", "td"):
                if self.row is not None:
                    self.row.append(self.current["text"])
            else:
                self.blocks.append(self.current)
            self.current = None
        elif tag == "tr" and self.row is not None:
            self.blocks.append({"kind": "row", "cells": self.row})
            self.row = None

    def handle_data(self, data):
        if self.current is not None:
            self.current["text"] += data


md = MarkdownIt("commonmark").enable("table")
with open(sys.argv[1], encoding="utf-8") as f:
    html = md.render(f.read())
parser = Blocks()
parser.feed(html)
# markdown-it writes a hard break as "<br />\n": the line feed after it is not text.
for b in parser.blocks:
    if "text" in b:
        b["text"] = b["text"].replace("\n\n", "\n")
print(json.dumps(parser.blocks, ensure_ascii=False))
