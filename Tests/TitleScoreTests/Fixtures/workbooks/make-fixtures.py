#!/usr/bin/env python3
"""Makes the workbook fixtures with LibreOffice (Debian's libreoffice-calc-nogui), as an office's machine would:

- cohort-libreoffice.xlsx: examples/applicants.xlsx opened and saved again by LibreOffice;
- layout-libreoffice.xlsx: a workbook typed as a clerk would, written here as a flat OpenDocument file
  (layout.fods, kept beside it) and saved as XLSX by LibreOffice. It holds the first three applicants of
  examples/applicants.csv and their achievements, with dates as date cells, typed 2021/7/1 and 2021年7月1日 text
  and bare serial numbers; numbers as numbers; each applicant's 编号 merged down their achievement rows; empty
  cells and an empty row; and a fourth applicant whose 学历 is 大本科, which no list has (an error at 申报人!J6, the empty row 4 counted).

Run from the repository folder: python3 Tests/TitleScoreTests/Fixtures/workbooks/make-fixtures.py
"""
import csv, os, shutil, subprocess, sys, tempfile
from xml.sax.saxutils import escape

here = os.path.dirname(os.path.abspath(__file__))
DATE_HEADERS = ("毕业时间", "参加工作时间", "从事本专业工作时间", "聘任时间", "取得技能等级时间", "单位公示首日", "取得时间")
NUMBER_HEADERS = ("企业工作年限", "脱产进修月数", "自评总分", "继续教育", "评委赋分", "排名", "数量", "字数")

def serial(day):
    import datetime
    y, m, d = day
    return (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days

def parse_day(text):
    import re
    if text.isdigit():
        import datetime
        date = datetime.date(1899, 12, 30) + datetime.timedelta(days=int(text))
        return (date.year, date.month, date.day)
    parts = [int(p) for p in re.split(r"[-/年月日]", text) if p]
    return tuple(parts)

turn = [0]
def cell(header, text, covered=False, rows_spanned=1):
    if covered:
        return "<table:covered-table-cell/>"
    span = f' table:number-rows-spanned="{rows_spanned}"' if rows_spanned > 1 else ""
    if text == "":
        return f"<table:table-cell{span}/>"
    if any(header.startswith(h) for h in DATE_HEADERS):
        day = parse_day(text)
        turn[0] += 1
        style = turn[0] % 4
        if style == 0:  # a date cell
            iso = "%04d-%02d-%02d" % day
            return (f'<table:table-cell table:style-name="date"{span} office:value-type="date" '
                    f'office:date-value="{iso}"><text:p>{iso}</text:p></table:table-cell>')
        if style == 1:  # a bare serial number
            value = serial(day)
            return (f'<table:table-cell{span} office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>")
        shown = "%d/%d/%d" % day if style == 2 else "%d年%d月%d日" % day
        return f'<table:table-cell{span} office:value-type="string"><text:p>{shown}</text:p></table:table-cell>'
    if any(header.startswith(h) for h in NUMBER_HEADERS):
        return (f'<table:table-cell{span} office:value-type="float" office:value="{text}">'
                f"<text:p>{text}</text:p></table:table-cell>")
    return f'<table:table-cell{span} office:value-type="string"><text:p>{escape(text)}</text:p></table:table-cell>'

def table(name, header, rows, merge_first=False):
    out = [f'<table:table table:name="{name}">']
    out.append("<table:table-row>" + "".join(cell("", h) for h in header) + "</table:table-row>")
    index = 0
    while index < len(rows):
        row = rows[index]
        if row is None:
            out.append("<table:table-row><table:table-cell/></table:table-row>")
            index += 1
            continue
        run = 1
        if merge_first:
            while index + run < len(rows) and rows[index + run] is not None and rows[index + run][0] == row[0]:
                run += 1
        for offset in range(run):
            current = rows[index + offset]
            cells = [cell(header[0], current[0], covered=offset > 0, rows_spanned=run if offset == 0 else 1)]
            cells += [cell(h, t) for h, t in zip(header[1:], current[1:])]
            out.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
        index += run
    out.append("</table:table>")
    return "\n".join(out)

def read_csv(path):
    with open(path, encoding="utf-8-sig") as f:
        return list(csv.reader(f))

def main():
    applicants = read_csv("examples/applicants.csv")
    achievements = read_csv("examples/achievements.csv")
    header, rows = applicants[0], applicants[1:4]
    wanted = {r[0] for r in rows}
    records = [r for r in achievements[1:] if r[0] in wanted]
    bad = [""] * len(header)
    bad[0], bad[1], bad[4], bad[7] = "JI2022-BADLEVEL", "学历填错", "某公司", "能源"
    bad[header.index("学历")] = "大本科"
    bad[header.index("毕业时间")] = "2010-07-01"
    fods = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="iso"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<style:style style:name="date" style:family="table-cell" style:data-style-name="iso"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
{table("申报人", header, rows[:2] + [None] + rows[2:] + [bad])}
{table("业绩", achievements[0], records, merge_first=True)}
</office:spreadsheet></office:body></office:document>
"""
    with open(os.path.join(here, "layout.fods"), "w", encoding="utf-8") as f:
        f.write(fods)
    work = tempfile.mkdtemp()
    shutil.copy(os.path.join(here, "layout.fods"), os.path.join(work, "layout-libreoffice.fods"))
    shutil.copy("examples/applicants.xlsx", os.path.join(work, "cohort-libreoffice.xlsx"))
    out = os.path.join(work, "out")
    for name in ("layout-libreoffice.fods", "cohort-libreoffice.xlsx"):
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out,
                        os.path.join(work, name)], check=True, stdout=subprocess.DEVNULL)
    for name in ("layout-libreoffice.xlsx", "cohort-libreoffice.xlsx"):
        shutil.copy(os.path.join(out, name), os.path.join(here, name))
    shutil.rmtree(work)

if __name__ == "__main__":
    sys.exit(main())
