"""The Excel exchange phase: spreadsheets in (`lzzr import`), fill-in forms out (`lzzr forms`).

Reading keeps every cell's sheet, row and column, so that each problem names the cell a
cadre has to fix (`上级任务.xlsx:Sheet1!D14: …`). Nothing here prints or exits.
"""
