"""Lessons converted to notebooks: nbformat accepts them and nbclient runs them on the nnlearn kernel
with every text output equal to the one the lesson records.

Run by JupyterKernelTests (Swift) as: python notebook_check.py JUPYTER_DATA_DIR LESSON_FOLDER NOTEBOOK...
Prints one line per notebook and "ok" last when every check passed.
"""
import copy
import os
import re
import sys

DATA, FOLDER, NOTEBOOKS = sys.argv[1], sys.argv[2], sys.argv[3:]
os.environ["JUPYTER_PATH"] = DATA

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402


def text_of(output):
    """The text an output adds to what the cell printed, as the lesson records it."""
    kind = output["output_type"]
    if kind == "stream":
        return output["text"]
    if kind in ("execute_result", "display_data"):
        return output["data"]["text/plain"] + "\n"
    if kind == "error":
        return "\n".join(output["traceback"]) + "\n"
    raise AssertionError("unexpected output type " + kind)


def cell_text(cell):
    text = "".join(text_of(o) for o in cell.outputs)
    return text[:-1] if text.endswith("\n") else text


failures = 0
for path in NOTEBOOKS:
    recorded = nbformat.read(path, as_version=4)
    nbformat.validate(recorded)
    figures = sum(1 for c in recorded.cells if c.cell_type == "code" for o in c.outputs
                  if o["output_type"] == "display_data" and o["data"].get("image/svg+xml", "").startswith("<svg"))
    executed = copy.deepcopy(recorded)
    for cell in executed.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(executed, timeout=300, kernel_name="nnlearn", allow_errors=True,
                   resources={"metadata": {"path": FOLDER}}).execute()
    nbformat.validate(executed)
    compared = 0
    for before, after in zip(recorded.cells, executed.cells):
        if before.cell_type != "code":
            continue
        compared += 1
        expected = cell_text(before)
        # The kernel names a cell's errors In[n], a lesson names them cell n.
        actual = re.sub(r"^In\[(\d+)\]", r"cell \1", cell_text(after), flags=re.M)
        if actual != expected:
            failures += 1
            print("%s: cell %d differs\n--- recorded\n%s\n--- nbclient\n%s" % (path, before.execution_count, expected, actual))
    print("%s: %d code cells, %d figures as SVG, outputs %s" % (os.path.basename(path), compared, figures,
                                                                 "equal" if not failures else "DIFFER"))

if failures == 0 and NOTEBOOKS:
    print("ok")
sys.exit(1 if failures else 0)
