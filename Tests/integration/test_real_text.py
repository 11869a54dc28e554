"""Notebook 04's claim on real text (the SMS Spam Collection): a pre-trained model beats the same
network from scratch at 5, 10 and 20 labels per class, and where both stand against TF-IDF with
logistic regression, the classic baseline, on the same split and the same sampled messages."""
import json
import statistics
import subprocess

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from conftest import KERNEL_NAME, ROOT
from test_notebooks import text_outputs

SEEDS, LABELS_PER_CLASS = [1, 2, 3], [5, 10, 20]


def notebook_spread():
    """The notebook's table of mean and spread of macro F1: {labels per class: (pretrained, scratch)}."""
    notebook = nbformat.read(ROOT / "notebooks" / "04-real-text.ipynb", as_version=4)
    cell = next(text for text in text_outputs(notebook) if "pretrained_sd" in text)
    rows = cell[cell.index("labels_per_class"):].splitlines()[2:5]
    return {int(n): (float(pretrained), float(scratch)) for n, pretrained, _, scratch, _ in (row.split() for row in rows)}


def test_pretraining_beats_scratch_on_real_text_at_every_label_count():
    spread = notebook_spread()
    assert sorted(spread) == LABELS_PER_CLASS
    margins = {n: pretrained - scratch for n, (pretrained, scratch) in spread.items()}
    # Measured (mean macro F1 of 3 seeds, 558 test messages): 0.815 vs 0.462 (5 labels per class),
    # 0.817 vs 0.618 (10), 0.862 vs 0.726 (20). Seed-to-seed spread is up to 0.18, so the test
    # asks for a tenth.
    assert min(margins.values()) >= 0.10, margins


def notebook_calibration():
    """The notebook's calibration table: {(labels per class, measure): (plain, smoothed)}."""
    notebook = nbformat.read(ROOT / "notebooks" / "04-real-text.ipynb", as_version=4)
    cell = next(text for text in text_outputs(notebook) if "confidence_wrong" in text and "smoothed_sd" in text)
    rows = cell[cell.index("labels_per_class"):].splitlines()[2:]
    return {(int(n), measure): (float(plain), float(smoothed)) for n, measure, plain, _, smoothed, _ in (row.split() for row in rows if row.strip())}


def test_label_smoothing_makes_the_few_label_model_less_sure_of_its_mistakes():
    table = notebook_calibration()
    # Measured (3 seeds, 558 test messages), plain vs label_smoothing: 0.1. Confidence in wrong
    # answers 0.86/0.90/0.90 vs 0.72/0.74/0.75 (spread up to 0.05); test loss 0.42/0.46/0.35 vs
    # 0.33/0.32/0.26 (spread up to 0.34, so only its direction is asked); macro F1 0.815/0.817/0.862
    # vs 0.784/0.781/0.847: smoothing costs a little F1, which the notebook says.
    for n in LABELS_PER_CLASS:
        plain, smoothed = table[(n, "confidence_wrong")]
        assert plain - smoothed >= 0.08, (n, plain, smoothed)
        assert table[(n, "loss")][1] < table[(n, "loss")][0], n
        assert table[(n, "ece")][1] < table[(n, "ece")][0], n
        f1_plain, f1_smoothed = table[(n, "f1")]
        assert f1_smoothed - f1_plain < 0.02, "the notebook says smoothing does not raise F1"


def messages(lines):
    """Reads `count`, then that many messages, then their labels, from printed lines."""
    count = int(next(lines))
    texts = [next(lines) for _ in range(count)]
    return texts, json.loads(next(lines))


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    """The notebook's test messages and, per (seed, labels per class), its sampled training messages."""
    printing = 'print {0}.length\nfor t in {0}.texts {{ print t }}\nprint {0}.labels\n'
    script = 'sms = dataset "sms_spam"\ntest = sms.test\n' + printing.format("test")
    for seed in SEEDS:
        for n in LABELS_PER_CLASS:
            script += f"seed {seed}\nfew = sample sms.train per_class: {n}\n" + printing.format("few")
    path = tmp_path_factory.mktemp("sms") / "samples.finch"
    path.write_text(script)
    finch = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    lines = iter(subprocess.run([finch, "run", str(path)], check=True, capture_output=True, text=True).stdout.split("\n"))
    test = messages(lines)
    return test, {(seed, n): messages(lines) for seed in SEEDS for n in LABELS_PER_CLASS}


def tfidf_macro_f1(train, test):
    vectorizer = TfidfVectorizer(sublinear_tf=True)
    model = LogisticRegression(max_iter=1000).fit(vectorizer.fit_transform(train[0]), train[1])
    return f1_score(test[1], model.predict(vectorizer.transform(test[0])), average="macro")


def test_where_the_pretrained_model_stands_against_tfidf_with_logistic_regression(samples):
    test, few = samples
    assert len(test[0]) == 558 and sum(test[1]) == 75
    baseline = {n: statistics.mean(tfidf_macro_f1(few[seed, n], test) for seed in SEEDS) for n in LABELS_PER_CLASS}
    # Measured: 0.583 (5 labels per class), 0.703 (10), 0.783 (20); the notebook states these.
    assert baseline == pytest.approx({5: 0.583, 10: 0.703, 20: 0.783}, abs=0.005)
    # The pre-trained model is ahead by 0.24, 0.12 and 0.08; asked for at least half of the smallest.
    spread = notebook_spread()
    assert all(spread[n][0] - baseline[n] >= 0.04 for n in LABELS_PER_CLASS), (spread, baseline)
