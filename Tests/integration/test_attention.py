"""`attention` and prompt tuning through the kernel: an attention map arrives as SVG and text with
the tokens as its labels (a soft prompt's positions as <p0>, <p1>, …), and prompt tuning trains
the prompt's length × width vectors and the fresh head, nothing else."""
from conftest import run_cell

SETUP = """seed 7
text = corpus "reviews"
tok = tokenizer words on: text
reviews = dataset "reviews"
few = sample reviews per_class: 8
model lm {
  embedding vocab: tok.size dim: 16 context: 12
  positions
  repeat 2 { transformer heads: 2 }
  layernorm
  lm_head tied: true
}
pre = pretrain lm on text tokenizer: tok objective: next_token steps: 20 batch: 8
"""


def shown(outputs):
    """The data of the last result or display of a cell."""
    return [m["content"]["data"] for m in outputs if m["msg_type"] in ("execute_result", "display_data")][-1]


def printed(outputs):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")


def test_an_attention_map_is_svg_and_text_labelled_with_the_tokens(kernel):
    _, client = kernel
    reply, _ = run_cell(client, SETUP, timeout=120)
    assert reply["content"]["status"] == "ok"
    reply, outputs = run_cell(client, 'attention lm on "the movie was" layer: 1 head: 1')
    assert reply["content"]["status"] == "ok"
    data = shown(outputs)
    assert data["image/svg+xml"].startswith("<svg")
    for token in ["the", "movie", "was"]:
        assert f">{token}<" in data["image/svg+xml"]
    assert data["text/plain"].splitlines()[1].split() == ["the", "movie", "was"]
    reply, outputs = run_cell(client, 'attention lm on "the movie" layer: 7')
    assert reply["content"]["status"] == "error"
    assert "there is no attention layer 7: the model has 2 (0 to 1)" in printed(outputs) + str(reply["content"])


def test_prompt_tuning_trains_the_prompt_and_the_head(kernel):
    _, client = kernel
    reply, _ = run_cell(client, SETUP, timeout=120)
    assert reply["content"]["status"] == "ok"
    code = """clf = copy lm head: classify(classes: 2, pool: mean)
tuned = finetune clf on few method: prompt(length: 4) epochs: 10 lr: 3e-2
print tuned.trainable tuned.final_loss < tuned.loss[0]"""
    reply, outputs = run_cell(client, code, timeout=120)
    assert reply["content"]["status"] == "ok"
    # 4 vectors of width 16, and the head's 16 × 2 weights and 2 biases.
    assert printed(outputs).splitlines()[-1] == f"{4 * 16 + 16 * 2 + 2} true"
    reply, outputs = run_cell(client, 'attention clf on "the movie" rollout: true')
    assert shown(outputs)["text/plain"].splitlines()[1].split() == ["<p0>", "<p1>", "<p2>", "<p3>", "the", "movie"]
