"""PyTorch reference for `finch-bench gpt`: the same character-level GPT, data split, optimiser,
schedule and evaluation, printing the same `name: value` figures.

Usage: python bench/gpt_reference.py --text FILE [--steps N] [--threads T] [--seed S] [--torch-init]
       python bench/gpt_reference.py --generate --text FILE [--tokens N] [--threads T] [--seed S] [--repeats R]
Model (nanoGPT's small CPU config): block 64, batch 12, 4 layers, 4 heads, width 128, no dropout,
no biases, tied token embedding / LM head, GELU (tanh approximation, as Finch), separate q/k/v/o
projections (as Finch). AdamW lr 1e-3, betas (0.9, 0.99), weight decay 0.1 on matrices, 100 warm-up
steps then cosine decay to 1e-4, gradient clip 1.0. Validation: mean loss of 20 random batches from
the last 10% of the text every 250 steps.

By default the weights and every batch come from a Python port of Finch's generator (xoshiro256**,
same seed, same order of draws), so both sides start from identical weights and see identical
training and validation batches: their losses differ only by floating-point arithmetic.
`--torch-init` uses PyTorch's own initialisation and sampling instead.

`--generate` times nanoGPT's `model.generate` instead of training, as `finch-bench generate` does:
500 new tokens (`--tokens`) at temperature 1 after the first 64 characters of the validation text,
each token a forward of the context cropped to its last 64 tokens (no cache: the context is
recomputed at every token), logits of the last position only, softmax and `torch.multinomial`;
the median of `--repeats` runs.
"""
import argparse
import math
import resource
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH, LENGTH, DEPTH, HEADS, WIDTH = 12, 64, 4, 4, 128
EVAL_INTERVAL, EVAL_BATCHES = 250, 20
MASK = (1 << 64) - 1


class Xoshiro:
    """Finch's `Xoshiro` (xoshiro256** seeded by splitmix64), draw for draw."""

    def __init__(self, seed):
        state, x = [], seed & MASK
        for _ in range(4):
            x = (x + 0x9E3779B97F4A7C15) & MASK
            z = x
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            state.append(z ^ (z >> 31))
        self.s = state

    def next(self):
        s0, s1, s2, s3 = self.s
        rotl = lambda x, k: ((x << k) | (x >> (64 - k))) & MASK
        result = (rotl((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        self.s = [s0, s1, s2, rotl(s3, 45)]
        return result

    def next_int(self, bound):
        return (self.next() * bound) >> 64

    def normal(self, count, std):
        values = np.empty(count, dtype=np.float32)
        for i in range(count):
            u1 = (self.next() >> 11) * (1.0 / 9007199254740992.0)
            u2 = (self.next() >> 11) * (1.0 / 9007199254740992.0)
            values[i] = math.sqrt(-2.0 * math.log(max(u1, 1e-300))) * math.cos(2.0 * math.pi * u2)
        return values * np.float32(std)


def finch_initialise(model, vocabulary, seed):
    """Draws the weights in Finch's layer order with Finch's generator."""
    generator = Xoshiro(seed)
    residual = 0.02 / math.sqrt(2 * DEPTH)
    order = [("embed.weight", 0.02), ("pos.weight", 0.02)]
    for i in range(DEPTH):
        order += [(f"blocks.{i}.{name}.weight", std) for name, std in
                  (("q", 0.02), ("k", 0.02), ("v", 0.02), ("o", residual), ("fc", 0.02), ("proj", residual))]
    parameters = dict(model.named_parameters())
    with torch.no_grad():
        for name, std in order:
            p = parameters[name]
            p.copy_(torch.from_numpy(generator.normal(p.numel(), std).reshape(p.shape)))


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1 = nn.LayerNorm(WIDTH, bias=False)
        self.q = nn.Linear(WIDTH, WIDTH, bias=False)
        self.k = nn.Linear(WIDTH, WIDTH, bias=False)
        self.v = nn.Linear(WIDTH, WIDTH, bias=False)
        self.o = nn.Linear(WIDTH, WIDTH, bias=False)
        self.ln2 = nn.LayerNorm(WIDTH, bias=False)
        self.fc = nn.Linear(WIDTH, 4 * WIDTH, bias=False)
        self.proj = nn.Linear(4 * WIDTH, WIDTH, bias=False)

    def forward(self, x):
        b, t, c = x.shape
        h = self.ln1(x)
        q, k, v = (layer(h).view(b, t, HEADS, c // HEADS).transpose(1, 2) for layer in (self.q, self.k, self.v))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.o(y.transpose(1, 2).contiguous().view(b, t, c))
        return x + self.proj(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class GPT(nn.Module):
    def __init__(self, vocabulary):
        super().__init__()
        self.embed = nn.Embedding(vocabulary, WIDTH)
        self.pos = nn.Embedding(LENGTH, WIDTH)
        self.blocks = nn.ModuleList(Block() for _ in range(DEPTH))
        self.norm = nn.LayerNorm(WIDTH, bias=False)
        self.head = nn.Linear(WIDTH, vocabulary, bias=False)
        self.head.weight = self.embed.weight
        for name, p in self.named_parameters():
            if p.dim() == 2:
                std = 0.02 / math.sqrt(2 * DEPTH) if name.endswith(("o.weight", "proj.weight")) else 0.02
                nn.init.normal_(p, 0.0, std)

    def hidden(self, ids):
        x = self.embed(ids) + self.pos(torch.arange(ids.shape[1]))
        for block in self.blocks:
            x = block(x)
        return self.norm(x)

    def forward(self, ids, targets):
        logits = self.head(self.hidden(ids))
        return F.cross_entropy(logits.view(-1, logits.shape[-1]), targets.view(-1))

    @torch.no_grad()
    def generate(self, ids, new_tokens, temperature=1.0):
        """nanoGPT's `generate`: crop to the context, run it whole, sample from the last logits."""
        for _ in range(new_tokens):
            context = ids if ids.size(1) <= LENGTH else ids[:, -LENGTH:]
            logits = self.head(self.hidden(context)[:, [-1], :])[:, -1, :] / temperature
            probabilities = F.softmax(logits, dim=-1)
            ids = torch.cat((ids, torch.multinomial(probabilities, num_samples=1)), dim=1)
        return ids


def learning_rate(step, steps):
    if step < 100:
        return 1e-3 * (step + 1) / 101
    if step > steps:
        return 1e-4
    ratio = (step - 100) / max(steps - 100, 1)
    return 1e-4 + 0.5 * (1 + math.cos(math.pi * ratio)) * (1e-3 - 1e-4)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--text", required=True)
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1337)
    parser.add_argument("--torch-init", action="store_true")
    parser.add_argument("--generate", action="store_true")
    parser.add_argument("--tokens", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    wall_start = time.perf_counter()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    text = open(args.text, encoding="utf-8", errors="replace", newline="").read()
    vocabulary = sorted(set(text))
    index = {c: i for i, c in enumerate(vocabulary)}
    data = torch.tensor([index[c] for c in text], dtype=torch.long)
    cut = len(data) * 9 // 10
    train, validation = data[:cut], data[cut:]
    torch_generator = torch.Generator().manual_seed(args.seed)
    train_generator, eval_generator = Xoshiro(args.seed), Xoshiro(args.seed + 1)

    def batch(stream, generator):
        if args.torch_init:
            starts = torch.randint(len(stream) - LENGTH - 1, (BATCH,), generator=torch_generator).tolist()
        else:
            starts = [generator.next_int(len(stream) - LENGTH - 1) for _ in range(BATCH)]
        x = torch.stack([stream[s:s + LENGTH] for s in starts])
        y = torch.stack([stream[s + 1:s + 1 + LENGTH] for s in starts])
        return x, y

    model = GPT(len(vocabulary))
    if not args.torch_init:
        finch_initialise(model, len(vocabulary), args.seed)
    if args.generate:
        return time_generation(model, len(vocabulary), validation[:LENGTH], args)
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
                                  lr=1e-3, betas=(0.9, 0.99), eps=1e-8)
    print(f"vocabulary: {len(vocabulary)}")
    print(f"parameters: {sum(p.numel() for p in model.parameters())}")

    step_ms = []

    def evaluate(step):
        recent = step_ms[-EVAL_INTERVAL:]
        if recent:
            print(f"ms_per_step_to_{step}: {sum(recent) / len(recent):.4f}")
        model.eval()
        with torch.no_grad():
            losses = [model(*batch(validation, eval_generator)).item() for _ in range(EVAL_BATCHES)]
        model.train()
        print(f"val_loss_step_{step}: {sum(losses) / len(losses):.4f}")
        return sum(losses) / len(losses)

    for step in range(args.steps):
        if step % EVAL_INTERVAL == 0:
            evaluate(step)
        start = time.perf_counter()
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(step, args.steps)
        x, y = batch(train, train_generator)
        loss = model(x, y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        step_ms.append((time.perf_counter() - start) * 1000)
    print(f"val_loss: {evaluate(args.steps):.4f}")
    measured = step_ms[min(10, len(step_ms) // 2):]
    ms = sum(measured) / len(measured)
    print(f"ms_per_step: {ms:.4f}")
    print(f"ms_per_step_median: {sorted(measured)[len(measured) // 2]:.4f}")
    print(f"tokens_per_s: {BATCH * LENGTH / (ms / 1000):.4f}")
    print(f"peak_rss_mib: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.4f}")
    print(f"wall_s: {time.perf_counter() - wall_start:.4f}")


def time_generation(model, vocabulary, prompt, args):
    """Prints the figures of `finch-bench generate` for nanoGPT's `generate`."""
    model.eval()
    print(f"vocabulary: {vocabulary}")
    print(f"parameters: {sum(p.numel() for p in model.parameters())}")
    print(f"context: {LENGTH}")
    print(f"prompt_tokens: {len(prompt)}")
    print(f"new_tokens: {args.tokens}")
    print(f"threads: {args.threads}")
    seconds = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        produced = model.generate(prompt.view(1, -1), args.tokens)
        seconds.append(time.perf_counter() - start)
        assert produced.shape[1] == len(prompt) + args.tokens
    median = sorted(seconds)[len(seconds) // 2]
    print(f"ms_per_token: {median * 1000 / args.tokens:.4f}")
    print(f"tokens_per_s: {args.tokens / median:.4f}")
    print(f"peak_rss_mib: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.4f}")


if __name__ == "__main__":
    main()
