"""Finch's defaults on real text: with nothing but the model and the data given, next-word
pre-training on the SMS corpus, then fine-tuning on 10 labelled messages per class, beats the
same network trained from scratch on the same messages, over three seeds. (Notebook 04 shows the
same with its own settings; the CSV test holds the defaults on tabular data.)"""
import subprocess

from jupyter_client.kernelspec import KernelSpecManager

from conftest import KERNEL_NAME

SCRIPT = """
seed 7
text = corpus "sms_spam"
tok = tokenizer words on: text
sms = dataset "sms_spam"
model lm {
  embedding vocab: tok.size dim: 64 context: 36
  positions
  repeat 2 { transformer heads: 4 }
  layernorm
  lm_head tied: true
}
pre = pretrain lm on text tokenizer: tok
for s in [1, 2, 3] {
  seed s
  few = sample sms.train per_class: 10
  clf = copy lm head: classify(classes: 2, pool: mean)
  finetune clf on few
  model scratch_net {
    embedding vocab: tok.size dim: 64 context: 36
    positions
    repeat 2 { transformer heads: 4 }
    layernorm
    classify classes: 2 pool: mean
  }
  finetune scratch_net on few tokenizer: tok
  a = evaluate clf on sms.test
  b = evaluate scratch_net on sms.test
  print "macro_f1" s a.macro_f1 b.macro_f1
}
"""


def test_pretraining_with_the_defaults_beats_scratch_on_real_text(tmp_path):
    (tmp_path / "defaults.finch").write_text(SCRIPT)
    finch = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    result = subprocess.run([finch, "run", str(tmp_path / "defaults.finch")], capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr
    assert "pretrain lm (next_token): 6000 steps" in result.stdout
    scores = [tuple(map(float, line.split()[2:])) for line in result.stdout.splitlines() if line.startswith("macro_f1 ")]
    assert len(scores) == 3, result.stdout
    margins = [pretrained - scratch for pretrained, scratch in scores]
    # Measured (558 test messages) with the 6,000 default steps: 0.876 vs 0.635, 0.893 vs 0.545,
    # 0.903 vs 0.725 (margins 0.18-0.35, mean 0.26; with the old 1,500 steps 0.785, 0.766 and 0.873
    # against the same scratch scores). Seed-to-seed spread is about 0.1, so the test asks for half the mean.
    assert sum(margins) / 3 >= 0.13, scores
    assert min(margins) > 0, scores
