"""Writes safetensors-reference.safetensors with Hugging Face's own `safetensors` package
(pip install safetensors numpy), so the Swift reader is checked against a file it did not
write. The tensor values are simple formulas the Swift test recomputes."""
import numpy as np
from safetensors.numpy import save_file

word_vectors = (np.arange(12, dtype=np.float32).reshape(3, 4) - 5.5) / 4
counts = np.array([7, -1, 2147483647], dtype=np.int32)
save_file({"word_vectors": word_vectors, "counts": counts},
          "safetensors-reference.safetensors", metadata={"format": "reference", "written_by": "safetensors"})
print("wrote safetensors-reference.safetensors")
