#!/usr/bin/env python3
"""Checks the workbooks TitleScore writes in LibreOffice (Debian's libreoffice-calc-nogui), headless: the Excel
report, the public posting and the template open and save again without a complaint; in LibreOffice's own copy
the list's score columns are numbers, not text, and hold what the CSV report holds; the template's drop-down
lists survive, and the template LibreOffice saved is read back and scored.

    python3 Tests/Office/check_workbooks.py BINARY OUTPUT_FOLDER
"""
import csv, io, os, re, shutil, subprocess, sys, zipfile

SHEET = "jiaxing-2022-energy-engineer-self-score"
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def soffice(out, target, source):
    """Converts a file with LibreOffice; its profile in the output folder, so that runs do not share one."""
    profile = "file://" + os.path.join(out, "lo-profile")
    run = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                          "--outdir", os.path.join(out, "libreoffice"), source],
                         capture_output=True, text=True, timeout=180)
    return run.returncode == 0 and "Error" not in run.stderr, run.stdout + run.stderr


def shared_strings(archive):
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    text = archive.read("xl/sharedStrings.xml").decode()
    return [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<si>(.*?)</si>", text, re.S)]


def cells(archive, part):
    """A worksheet's cells as {reference: (type, value)} (shared strings resolved)."""
    strings = shared_strings(archive)
    found = {}
    for attributes, body in re.findall(r"<c ([^>]*?)(?:/>|>(.*?)</c>)", archive.read(part).decode(), re.S):
        reference = re.search(r'r="([A-Z]+\d+)"', attributes).group(1)
        kind = (re.search(r't="(\w+)"', attributes) or [None, "n"])[1]
        value = re.search(r"<v>(.*?)</v>", body or "")
        value = value.group(1) if value else ""
        found[reference] = (kind, strings[int(value)] if kind == "s" else value)
    return found


def main():
    binary, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    report = os.path.join(out, "report.xlsx")
    subprocess.run([binary, "batch", "examples/applicants.jsonl", "--sheet", SHEET, "--out", report, "--quiet"],
                   check=True, stderr=subprocess.DEVNULL)
    subprocess.run([binary, "batch", "examples/applicants.jsonl", "--sheet", SHEET, "--out",
                    os.path.join(out, "report.csv"), "--quiet"], check=True, stderr=subprocess.DEVNULL)
    posting = os.path.join(out, "posting.xlsx")
    subprocess.run([binary, "batch", "examples/applicants.jsonl", "--sheet", SHEET, "--out", posting, "--public",
                    "--posting-from", "2022-12-05", "--contact", "0573-82345678", "--quiet"],
                   check=True, stderr=subprocess.DEVNULL)
    template = os.path.join(out, "template.xlsx")
    subprocess.run([binary, "template", "--sheet", SHEET, "--out", template], check=True, stderr=subprocess.DEVNULL)
    for name in ("report.xlsx", "posting.xlsx", "template.xlsx"):
        converted, said = soffice(out, "xlsx:Calc MS Excel 2007 XML", os.path.join(out, name))
        check(converted and os.path.exists(os.path.join(out, "libreoffice", name)),
              f"LibreOffice opens {name} and saves it again" + ("" if converted else f": {said}"))
    with zipfile.ZipFile(os.path.join(out, "libreoffice", "report.xlsx")) as archive:
        sheets = re.findall(r'<sheet [^>]*name="([^"]+)"', archive.read("xl/workbook.xml").decode())
        check(sheets == ["名单", "汇总", "扣分原因", "被拒记录"], f"the report's sheets are {sheets}")
        list_cells = cells(archive, "xl/worksheets/sheet1.xml")
    with open(os.path.join(out, "report.csv"), encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    numeric = [i for i, title in enumerate(header) if title.endswith("最低") or title.endswith("最高")
               or title in ("排名", "自评分")]
    letters = lambda i: (letters(i // 26 - 1) if i >= 26 else "") + chr(65 + i % 26)
    as_text, different = [], []
    for number, row in enumerate(rows[1:], start=2):
        for column, value in enumerate(row):
            kind, stored = list_cells.get(f"{letters(column)}{number}", ("n", ""))
            if column in numeric and value and kind != "n":
                as_text.append(f"{letters(column)}{number}")
            shown = stored if kind != "n" or not stored else ("%g" % float(stored))
            if (shown or "") != (value if kind != "n" or not value else "%g" % float(value)):
                different.append(f"{letters(column)}{number}: {stored!r} != {value!r}")
    check(not as_text, f"LibreOffice reads every score cell as a number ({len(as_text)} as text: {as_text[:5]})")
    check(not different, f"the list LibreOffice reads is the CSV report's ({different[:5]})")
    with zipfile.ZipFile(os.path.join(out, "libreoffice", "posting.xlsx")) as archive:
        text = " ".join(shared_strings(archive))
        check("0573-82345678" in text and "330402" not in text, "the posting workbook states its contact, masked")
    with zipfile.ZipFile(os.path.join(out, "libreoffice", "template.xlsx")) as archive:
        part = archive.read("xl/worksheets/sheet1.xml").decode()
        kept = len(re.findall(r"<dataValidation ", part))
        check(kept >= 15, f"the template's drop-down lists survive in LibreOffice ({kept})")
    scored = subprocess.run([binary, "batch", os.path.join(out, "libreoffice", "template.xlsx"), "--sheet", SHEET,
                             "--format", "csv"], capture_output=True, text=True)
    check(scored.returncode == 0 and "已评分 1" in scored.stderr,
          f"the template as LibreOffice saved it is read and scored ({scored.stderr.strip()[-80:]})")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print(f"all workbook checks passed; LibreOffice's copies are in {out}/libreoffice")
    return 0


if __name__ == "__main__":
    sys.exit(main())
