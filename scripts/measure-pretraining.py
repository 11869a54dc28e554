#!/usr/bin/env python3
"""Measures Finch's default pre-training recipe on real text tasks Finch does not ship.

Two tasks are built from Debian packages on this machine, each with an unlabelled corpus that
leaves out its test split: the short descriptions of Debian packages (`apt-cache dumpavail`),
labelled by section (games, sound, graphics, mail), with every other package's description as
the corpus; and fortune cookies (`apt-get install fortunes`), labelled by file (computers,
politics, science), with every fortune file as the corpus. The SMS Spam Collection is the third
task, built in. Each task is split 75/25 per class with a fixed seed.

For each task it runs one Finch script: next-word pre-training with the defaults (or `--steps`),
then, for seeds 1-3 and 5 and 10 labels per class, full fine-tuning of the pre-trained copy, a
probe then full fine-tuning (LP-FT), and the same network from scratch, all with Finch's
defaults. It prints macro F1 per (task, labels per class, variant): the mean and each seed.

Usage: scripts/measure-pretraining.py [--finch .build/release/finch] [--steps N] [--tasks sms,debian,fortunes]
       [--out DIR]   (about 10 minutes a task at the default 6,000 steps on one core)
"""
import argparse
import csv
import glob
import os
import random
import statistics
import subprocess
import sys

MODEL_BODY = """embedding vocab: tok.size dim: 64 context: 36
  positions
  repeat 2 { transformer heads: 4 }
  layernorm"""


def write_task(folder, labelled, corpus):
    """Writes train.csv and test.csv (75/25 per class, seed 0) and corpus.txt without the test texts."""
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(0)
    by_label = {}
    for text, label in labelled:
        by_label.setdefault(label, set()).add(text)
    train, test = [], []
    for label in sorted(by_label):
        texts = sorted(by_label[label])
        rng.shuffle(texts)
        cut = len(texts) // 4
        test += [(text, label) for text in texts[:cut]]
        train += [(text, label) for text in texts[cut:]]
    rng.shuffle(train)
    rng.shuffle(test)
    for name, rows in (("train", train), ("test", test)):
        with open(os.path.join(folder, name + ".csv"), "w", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(["text", "label"])
            writer.writerows(rows)
    held = {text for text, _ in test}
    with open(os.path.join(folder, "corpus.txt"), "w") as file:
        file.write("\n".join(text for text in corpus if text not in held) + "\n")
    return len(by_label)


def debian_task(folder):
    dump = subprocess.run(["apt-cache", "dumpavail"], capture_output=True, text=True, check=True).stdout
    seen, labelled, corpus = set(), [], []
    for stanza in dump.split("\n\n"):
        fields = dict(line.split(":", 1) for line in stanza.splitlines() if ":" in line and not line.startswith(" "))
        name, description = fields.get("Package", "").strip(), fields.get("Description", "").strip()
        if not name or not description or name in seen:
            continue
        seen.add(name)
        corpus.append(description)
        section = fields.get("Section", "").strip().split("/")[-1]
        if section in ("games", "sound", "graphics", "mail"):
            labelled.append((description, section))
    return write_task(folder, labelled, corpus)


def fortunes_task(folder):
    root = "/usr/share/games/fortunes"
    if not os.path.isdir(root):
        sys.exit("no fortunes: apt-get install fortunes")

    def read(path):
        text = open(path, encoding="latin-1").read()
        return [" ".join(cookie.split()) for cookie in text.split("\n%\n") if cookie.strip()]

    labelled = [(cookie, name) for name in ("computers", "politics", "science")
                for cookie in read(os.path.join(root, name)) if len(cookie) <= 400]
    corpus = []
    for path in sorted(glob.glob(root + "/*")):
        if "." not in os.path.basename(path) and os.path.isfile(path) and not os.path.islink(path):
            corpus += read(path)
    return write_task(folder, labelled, corpus)


def script(data, classes, steps):
    """The Finch script of one task: `data` holds the lines that bind text, train and test."""
    lines = [f"seed 7\n{data}\ntok = tokenizer words on: text\nmodel lm {{\n  {MODEL_BODY}\n  lm_head tied: true\n}}",
             "pre = pretrain lm on text tokenizer: tok" + (f" steps: {steps}" if steps else "")]
    for seed in (1, 2, 3):
        for per_class in (5, 10):
            lines.append(f"seed {seed}\nfew = sample train per_class: {per_class}")
            for variant in ("full", "lpft", "scratch"):
                name = f"m_{variant}_{seed}_{per_class}"
                if variant == "scratch":
                    lines.append(f"model {name} {{\n  {MODEL_BODY}\n  classify classes: {classes} pool: mean\n}}\n"
                                 f"finetune {name} on few tokenizer: tok show: false")
                else:
                    lines.append(f"{name} = copy lm head: classify(classes: {classes}, pool: mean)")
                    if variant == "lpft":
                        lines.append(f"finetune {name} on few method: probe show: false")
                    lines.append(f"finetune {name} on few show: false")
                lines.append(f'e = evaluate {name} on test\nprint "row" {seed} {per_class} "{variant}" e.macro_f1')
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--finch", default=".build/release/finch")
    parser.add_argument("--steps", type=int, default=None, help="pre-training steps (default: Finch's default)")
    parser.add_argument("--tasks", default="sms,debian,fortunes")
    parser.add_argument("--out", default="build-out/pretraining")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for task in args.tasks.split(","):
        folder = os.path.join(args.out, task)
        if task == "sms":
            classes, data = 2, 'text = corpus "sms_spam"\nsms = dataset "sms_spam"\ntrain = sms.train\ntest = sms.test'
        else:
            classes = {"debian": debian_task, "fortunes": fortunes_task}[task](folder)
            data = (f'text = corpus "{folder}/corpus.txt"\ntrain = dataset "{folder}/train.csv"\n'
                    f'test = dataset "{folder}/test.csv"')
        path = os.path.join(args.out, task + ".finch")
        with open(path, "w") as file:
            file.write(script(data, classes, args.steps))
        result = subprocess.run([args.finch, "run", path], capture_output=True, text=True,
                                env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
        if result.returncode != 0:
            sys.exit(f"{task}: finch failed\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
        scores = {}
        for line in result.stdout.splitlines():
            if line.startswith("row "):
                _, seed, per_class, variant, f1 = line.split()
                scores.setdefault((int(per_class), variant), []).append(float(f1))
        header = next(line for line in result.stdout.splitlines() if line.startswith("pretrain lm"))
        print(f"{task}: {header}")
        for (per_class, variant), values in sorted(scores.items()):
            print(f"  {per_class:2d} per class  {variant:8s} macro F1 mean {statistics.mean(values):.3f}  "
                  + " ".join(f"{value:.3f}" for value in values))


if __name__ == "__main__":
    main()
