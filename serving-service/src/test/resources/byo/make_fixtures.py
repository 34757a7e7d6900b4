"""Writes the bring-your-own-model fixtures beside this script.

A small classifier made outside the platform, as a user would bring one: Linear(4, 8), ReLU,
Linear(8, 3), softmax, with weights drawn from a fixed seed (nothing is downloaded or trained).
It takes `input` FP32 [batch, 4] and answers `probabilities` FP32 [batch, 3], saved twice:

  iris-mlp.pt    TorchScript (torch.jit.trace, then torch.jit.save)
  iris-mlp.onnx  ONNX (opset 17, the batch dimension free)
  expected.json  five input rows and the probabilities PyTorch computes for them

Run with PyTorch (Debian's python3-torch, 1.13.1 here, wrote the committed files: TorchScript
written by an older PyTorch loads in DJL's newer libtorch, not the other way round):
  python3 make_fixtures.py
"""
import inspect
import json
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))


class Classifier(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = torch.nn.Linear(4, 8)
        self.out = torch.nn.Linear(8, 3)

    def forward(self, x):
        return torch.softmax(self.out(torch.relu(self.hidden(x))), dim=1)


def main():
    torch.manual_seed(20261202)
    model = Classifier().eval()
    rows = torch.tensor([
        [5.1, 3.5, 1.4, 0.2],
        [7.0, 3.2, 4.7, 1.4],
        [6.3, 3.3, 6.0, 2.5],
        [0.0, 0.0, 0.0, 0.0],
        [-1.5, 2.0, 10.0, -3.0],
    ], dtype=torch.float32)
    with torch.no_grad():
        expected = model(rows)
        traced = torch.jit.trace(model, rows[:1])
    traced.save(os.path.join(HERE, "iris-mlp.pt"))
    # the TorchScript-based exporter: the one PyTorch 1.13 has, and on 2.x the one asked for by dynamo=False
    legacy = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}
    torch.onnx.export(model, (rows[:1],), os.path.join(HERE, "iris-mlp.onnx"), input_names=["input"],
                      output_names=["probabilities"], dynamic_axes={"input": {0: "batch"}, "probabilities": {0: "batch"}},
                      opset_version=17, **legacy)
    with open(os.path.join(HERE, "expected.json"), "w") as out:
        json.dump({"input": rows.tolist(), "probabilities": expected.tolist()}, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
