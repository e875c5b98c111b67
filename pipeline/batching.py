"""A base for components whose models work best on many docs at once."""
from __future__ import annotations


class BatchedComponent:
    """Subclasses implement `process(docs) -> docs` for a list of docs."""

    def __init__(self, batch_size: int = 64):
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        self.batch_size = batch_size

    def __call__(self, doc):
        return self.process([doc])[0]

    def pipe(self, docs, batch_size: int = 0):
        size = batch_size or self.batch_size
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield from self.process(batch)
                batch = []
        if batch:
            yield from self.process(batch)

    def process(self, docs):
        raise NotImplementedError
