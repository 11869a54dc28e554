"""scikit-learn's bundled iris, wine and breast-cancer CSVs, read as a user's own files.

Finch, with its defaults (labels found in scikit-learn's format, features standardised on the
training part), against scikit-learn's LogisticRegression after a StandardScaler, on the very
same splits: Finch exports each split's held-out rows with their ids, and scikit-learn trains on
the other rows. Accuracy is averaged over five seeded splits, so that one example of a small
test set (2.6 points of iris's 38) does not decide the comparison; the means must be within 2
points.
"""
import csv
import pathlib
import subprocess

import numpy as np
import pytest
import sklearn
from jupyter_client.kernelspec import KernelSpecManager
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from conftest import KERNEL_NAME

DATA = pathlib.Path(sklearn.__file__).parent / "datasets" / "data"
SEEDS = range(5)

# One training recipe for all three files: a linear classifier, as LogisticRegression is, trained
# with Finch's defaults (no epochs, steps, batch or lr given).
SPLIT = """
seed {seed}
fit, held = split data [75, 25]
model net {{
  input features: data.features
  classify classes: data.classes.length
}}
run = finetune net on fit
e = evaluate net on held
print "accuracy" {seed} e.accuracy
export held to "{held}"
"""


def finch_accuracies(path, folder):
    """Finch's held-out accuracy on each seeded split of `path`, and each split's held-out ids."""
    parts = [f'data = dataset "{path}"\nprint "classes" data.classes']
    parts += [SPLIT.format(seed=seed, held=folder / f"held-{seed}.csv") for seed in SEEDS]
    script = folder / "check.finch"
    script.write_text("\n".join(parts))
    finch = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    result = subprocess.run([finch, "run", str(script)], capture_output=True, text=True, cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "standardising the" in result.stdout, "standardisation is on by default for a CSV file's features"
    accuracies = {int(line.split()[1]): float(line.split()[2]) for line in result.stdout.splitlines() if line.startswith("accuracy ")}
    held = {seed: [int(row["id"]) for row in csv.DictReader(open(folder / f"held-{seed}.csv"))] for seed in SEEDS}
    return [accuracies[seed] for seed in SEEDS], held, result.stdout


def sklearn_accuracy(features, labels, held_ids):
    """LogisticRegression after a StandardScaler, trained on every row but `held_ids`."""
    held = np.zeros(len(labels), dtype=bool)
    held[held_ids] = True
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    model.fit(features[~held], labels[~held])
    return model.score(features[held], labels[held])


@pytest.mark.parametrize("name, classes", [
    ("iris.csv", ["setosa", "versicolor", "virginica"]),
    ("wine_data.csv", ["class_0", "class_1", "class_2"]),
    ("breast_cancer.csv", ["malignant", "benign"]),
])
def test_finch_defaults_match_standardised_logistic_regression(tmp_path, name, classes):
    path = DATA / name
    rows = list(csv.reader(open(path)))[1:]
    features = np.array([[float(cell) for cell in row[:-1]] for row in rows])
    labels = np.array([int(row[-1]) for row in rows])
    finch, held, stdout = finch_accuracies(path, tmp_path)
    assert f"classes {classes}".replace("'", '"') in stdout
    reference = [sklearn_accuracy(features, labels, held[seed]) for seed in SEEDS]
    assert all(len(held[seed]) < len(labels) / 3 for seed in SEEDS)
    assert abs(np.mean(finch) - np.mean(reference)) <= 0.02, (name, finch, reference)
