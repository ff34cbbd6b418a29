#!/usr/bin/env python3
"""Checks an HTML file the way an accessibility review would, with Python's own HTML parser,
and prints the problems as a JSON list (empty: none).

- lang on <html>, exactly one <h1>, heading levels never skip a level going down;
- every <th> has scope="col" or scope="row";
- nothing fetched or run: no <script>, <link>, <img>, <iframe>, no src= or external url(;
- every colour pair declared in the inline CSS (color with the background of the same
  rule, or white) has a contrast ratio of at least 4.5:1 (WCAG 2 AA).

usage: python3 check_html.py FILE.html
"""
import json
import re
import sys
from html.parser import HTMLParser

problems = []


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.h1 = 0
        self.last_level = 0
        self.lang = None
        self.css = ""
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            level = int(tag[1])
            if level == 1:
                self.h1 += 1
            if self.last_level and level > self.last_level + 1:
                problems.append(f"heading h{level} after h{self.last_level}")
            self.last_level = level
        if tag == "th" and a.get("scope") not in ("col", "row"):
            problems.append("th without scope")
        if tag in ("script", "link", "img", "iframe", "object", "embed"):
            problems.append(f"<{tag}> present")
        if "src" in a:
            problems.append(f"src on <{tag}>")
        if tag == "style":
            self.in_style = True

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.css += data


def luminance(hex_colour):
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    la, lb = sorted([luminance(a), luminance(b)], reverse=True)
    return (la + 0.05) / (lb + 0.05)


with open(sys.argv[1], encoding="utf-8") as f:
    html = f.read()
checker = Checker()
checker.feed(html)
if not checker.lang:
    problems.append("no lang on <html>")
if checker.h1 != 1:
    problems.append(f"{checker.h1} h1 elements")
if re.search(r"url\(", checker.css) or "@import" in checker.css:
    problems.append("CSS fetches something")
page_background = "#ffffff"
for rule in re.finditer(r"([^{}]+)\{([^}]*)\}", checker.css):
    body = rule.group(2)
    colour = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", body)
    background = re.search(r"background:\s*(#[0-9a-fA-F]{3,6})", body)
    if colour:
        bg = background.group(1) if background else page_background
        ratio = contrast(colour.group(1), bg)
        if ratio < 4.5:
            problems.append(f"contrast {ratio:.2f} for {rule.group(1).strip()}")
    elif background:
        ratio = contrast("#1a1a1a", background.group(1))
        if ratio < 4.5:
            problems.append(f"contrast {ratio:.2f} of text on {rule.group(1).strip()}")
print(json.dumps(problems))
