#!/usr/bin/env python3
"""Checks the HTML report in a real browser (Debian's headless Chromium): it prints the committee report of the 48
example applicants on A4 landscape in at most 3 pages, with every employer name on one line and the CJK text in a
CJK font; its columns sort on a click and its filter box narrows the rows; the histogram marks the threshold; the
--detail report starts each applicant's section on a page of its own; the page raises no console error. It leaves
the PDFs and a screenshot in the output folder to look at.

    python3 Tests/Browser/check_report.py BINARY OUTPUT_FOLDER
"""
import os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import Browser, page_count

SHEET = "jiaxing-2022-energy-engineer-self-score"
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def report(binary, out, name, *options):
    path = os.path.join(out, name)
    subprocess.run([binary, "batch", "examples/applicants.jsonl", "--sheet", SHEET, "--out", path, "--quiet", *options],
                   check=True, stderr=subprocess.DEVNULL)
    return path


def main():
    binary, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    committee = report(binary, out, "report.html")
    detail = report(binary, out, "report-detail.html", "--detail")
    posting = report(binary, out, "posting.html", "--public", "--public-include", "undecided",
                     "--posting-from", "2022-12-05", "--contact", "0573-82345678")
    with Browser() as browser:
        page = browser.open("file://" + committee)
        pdf = page.pdf()
        open(os.path.join(out, "report.pdf"), "wb").write(pdf)
        check(page_count(pdf) <= 3, f"48 applicants print on {page_count(pdf)} A4 landscape pages (at most 3)")
        check(b"/MediaBox [0 0 841" in pdf or b"/MediaBox[0 0 841" in pdf, "the pages are A4 landscape")
        # Each row's employer and name on one line, in print.
        page.call("Emulation.setEmulatedMedia", media="print")
        wrapped = page.evaluate("""
          Array.from(document.querySelectorAll('table.list td.nowrap')).filter(function (cell) {
            var range = document.createRange(); range.selectNodeContents(cell);
            var tops = new Set(Array.from(range.getClientRects()).map(function (r) { return Math.round(r.top); }));
            return tops.size > 1;
          }).length""")
        check(wrapped == 0, f"names and employers on one line ({wrapped} cells wrapped)")
        rows_per_page = page.evaluate("""
          (function () { var rows = document.querySelectorAll('table.list tbody tr');
            var height = rows[1].getBoundingClientRect().top - rows[0].getBoundingClientRect().top;
            return Math.floor((210 - 18) / 25.4 * 96 / height); })()""")
        check(rows_per_page >= 20, f"a printed page holds {rows_per_page} rows of the list (at least 20)")
        page.call("Emulation.setEmulatedMedia", media="screen")
        node = page.call("DOM.getDocument")["root"]["nodeId"]
        cell = page.call("DOM.querySelector", nodeId=node, selector="table.list tbody td.nowrap:nth-child(3)")["nodeId"]
        fonts = [f["familyName"] for f in page.call("CSS.getPlatformFontsForNode", nodeId=cell)["fonts"]] \
            if page.call("CSS.enable") is not None else []
        check(any("CJK" in f or "YaHei" in f or "PingFang" in f or "Sim" in f for f in fonts),
              f"Chinese names render in a CJK font ({', '.join(fonts)})")
        open(os.path.join(out, "report.png"), "wb").write(page.screenshot())
        # Sorting: 总分 ascending, then descending; 姓名 in Chinese order.
        column = page.evaluate("Array.from(document.querySelectorAll('table.list th')).findIndex(function (h) "
                               "{ return h.textContent === '总分'; })")
        totals = """Array.from(document.querySelectorAll('table.list tbody tr')).map(function (r) {
          return parseFloat(r.cells[%d].textContent.replace(/\\u2212/g, '-')); })""" % column
        page.evaluate(f"document.querySelectorAll('table.list th')[{column}].click()")
        ascending = page.evaluate(totals)
        check(ascending == sorted(ascending), "a click on 总分 sorts the rows by total, lowest first")
        page.evaluate(f"document.querySelectorAll('table.list th')[{column}].click()")
        descending = page.evaluate(totals)
        check(descending == sorted(descending, reverse=True), "a second click sorts them highest first")
        # Filtering.
        shown = page.evaluate("""(function () { var box = document.getElementById('filter');
          box.value = '达到申报条件'; box.dispatchEvent(new Event('input'));
          return Array.from(document.querySelectorAll('table.list tbody tr')).filter(function (r) {
            return !r.hidden; }).length; })()""")
        check(shown == 3, f"the filter box narrows the list to the 3 who pass ({shown} shown)")
        page.evaluate("(function () { var box = document.getElementById('filter'); box.value = '';"
                      " box.dispatchEvent(new Event('input')); })()")
        bars = page.evaluate("document.querySelectorAll('svg.histogram rect.bar').length")
        threshold = page.evaluate("document.querySelectorAll('svg.histogram line.threshold').length")
        check(bars > 3 and threshold == 1, f"the histogram has {bars} bars and the threshold marked")
        check(page.evaluate("document.body.textContent.indexOf('审核人') >= 0"), "the report has a line to sign")
        check(not page.errors, f"no console errors ({page.errors})")

        detailed = browser.open("file://" + detail)
        detail_pdf = detailed.pdf()
        open(os.path.join(out, "report-detail.pdf"), "wb").write(detail_pdf)
        sections = detailed.evaluate("document.querySelectorAll('section.detail').length")
        check(sections == 48, f"--detail has a section per applicant ({sections})")
        check(page_count(detail_pdf) >= page_count(pdf) + 48,
              f"each section starts a page ({page_count(detail_pdf)} pages for {page_count(pdf)} + 48 sections)")
        check(not detailed.errors, f"no console errors in the detail report ({detailed.errors})")

        public = browser.open("file://" + posting)
        public_pdf = public.pdf()
        open(os.path.join(out, "posting.pdf"), "wb").write(public_pdf)
        text = public.evaluate("document.body.innerText")
        check("待定" in text and "0573-82345678" in text and "公示期" in text,
              "the posting lists the undecided as 待定 with its period and contact")
        check("330402" not in text, "the posting masks identity numbers")
        check(not public.errors, f"no console errors in the posting ({public.errors})")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print(f"all report checks passed; PDFs and a screenshot are in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
