"""Notebook 05's claims on continual learning (digits in five tasks of two digits), read from the
committed notebook's tables: the pattern of van de Ven, Tuytelaars & Tolias (2020). Class-
incrementally, naive training ends knowing little but the last task, replay recovers most of joint
training, EWC and LwF help far less (at any of the strengths tried); task-incrementally all do well.
Then fine-tuning a pre-trained language model forgets its pre-training: full fine-tuning raises the
held-out next-word loss the most, freezing and LoRA less, a probe not at all.
The margins are those measured over five seeds (three for the strengths and the fine-tunes) minus
the noise."""
import nbformat

from conftest import ROOT
from test_notebooks import text_outputs

STRATEGIES = ["naive", "replay", "ewc", "lwf", "joint"]


def table_after(header, notebook):
    """The rows (lists of words) of the first table whose header line starts with `header`."""
    cell = next(text for text in text_outputs(notebook) if header in text)
    lines = cell[cell.index(header):].splitlines()[2:]
    rows = []
    for line in lines:
        if not line.strip():
            break
        rows.append(line.split())
    return rows


def notebook():
    return nbformat.read(ROOT / "notebooks" / "05-continual.ipynb", as_version=4)


def means():
    """{(scenario, strategy): (mean accuracy, sd, mean BWT or None)} over the five seeds."""
    rows = table_after("scenario           strategy  accuracy  accuracy_sd", notebook())
    return {(row[0], row[1]): (float(row[2]), float(row[3]), float(row[4]) if len(row) > 4 else None) for row in rows}


def strengths():
    """{(strategy, λ): mean accuracy} over three seeds, class-incrementally."""
    rows = table_after("strategy  lambda  accuracy  accuracy_sd", notebook())
    return {(row[0], float(row[1])): float(row[2]) for row in rows}


def test_every_strategy_and_scenario_is_measured():
    assert sorted(means()) == sorted((scenario, strategy) for scenario in ["class_incremental", "task_incremental"]
                                     for strategy in STRATEGIES)


def test_class_incrementally_naive_training_knows_little_but_the_last_task():
    naive_accuracy, _, naive_bwt = means()["class_incremental", "naive"]
    # Measured: 0.194 (sd 0.003), BWT −0.996: a fifth of the test images, those of the last task.
    assert naive_accuracy <= 0.25
    assert naive_bwt <= -0.9


def test_class_incrementally_replay_recovers_most_of_joint_training():
    table = means()
    replay, naive, joint = (table["class_incremental", name][0] for name in ["replay", "naive", "joint"])
    # Measured: replay 0.919 (sd 0.013), joint 0.969 (sd 0.006), naive 0.194: replay reaches 95% of
    # joint; the test asks for 90% and for most of the gap closed.
    assert replay >= 0.90 * joint, (replay, joint)
    assert replay - naive >= 0.6, (replay, naive)


def test_class_incrementally_ewc_and_lwf_help_far_less_than_replay_at_any_strength():
    table = means()
    naive, replay = table["class_incremental", "naive"][0], table["class_incremental", "replay"][0]
    for name in ["ewc", "lwf"]:
        accuracy = table["class_incremental", name][0]
        # Measured: EWC 0.198 (sd 0.014), LwF 0.150 (sd 0.032), naive 0.194.
        assert accuracy <= naive + 0.1, (name, accuracy, naive)
        assert replay - accuracy >= 0.6, (name, accuracy, replay)
    swept = strengths()
    assert sorted({strategy for strategy, _ in swept}) == ["ewc", "lwf"] and len(swept) == 8
    # Measured: the best EWC 0.201 (λ = 1000), the best LwF 0.162 (λ = 1).
    assert max(swept.values()) <= naive + 0.1, swept


def test_task_incrementally_every_strategy_does_well():
    table = means()
    # Measured: naive 0.972 (sd 0.018) is the lowest; EWC 0.986, LwF 0.998, replay 0.995, joint 0.997.
    for name in STRATEGIES:
        assert table["task_incremental", name][0] >= 0.93, (name, table["task_incremental", name])
    assert table["task_incremental", "naive"][0] - table["class_incremental", "naive"][0] >= 0.7


def test_fine_tuning_forgets_pre_training_the_more_the_more_of_the_body_it_changes():
    rows = table_after("method  trainable  accuracy  accuracy_sd  lm_loss_rise  rise_sd", notebook())
    table = {row[0]: {"accuracy": float(row[2]), "rise": float(row[4])} for row in rows}
    assert sorted(table) == ["freeze", "full", "lora", "probe"]
    # Measured (seeds 1-3): rise full 2.49 (sd 0.352), freeze 1.144 (sd 0.076), lora 1.455
    # (sd 0.398), probe 0; accuracy full 0.783 (sd 0.043), probe 0.603 (sd 0.022). With the
    # Cooperlake kernels in place of Haswell's the rises were 2.443, 1.021 and 1.116: the margins
    # asked for hold under both.
    assert table["probe"]["rise"] == 0, "a probe leaves the body as it was"
    for name in ["freeze", "lora"]:
        assert table["full"]["rise"] - table[name]["rise"] >= 0.5, (name, table)
        assert table[name]["rise"] >= 0.2, (name, table)
    assert table["full"]["accuracy"] - table["probe"]["accuracy"] >= 0.05, table
