"""natasha's slovnet taggers (morphology, NER) run straight on their numpy models.

slovnet's own map() spends more time in Python than in the model: a Record per token, a
markup per sentence, every morphology tag parsed from its string again, a shape regex per
word. Here the models' weights and vocabularies are the same, and so are the batches and
the arithmetic, so the tags are the same, bit for bit:

- the items are tagged shortest first (by len(): words of a sentence for morphology, the
  characters of a sentence for NER) in runs of the model's batch size (8), each padded to
  its longest item, exactly as natasha did behind the former LengthSorted wrapper.
  OpenBLAS may sum a product's terms in another order for another matrix shape, so the
  batches must keep their shapes: larger ones changed the last bits of the scores;
- every array operation of slovnet's CNN is done in the same order on the same float32
  values; only copies are cheaper (the convolution windows are built by k slices, not by a
  reshape of a strided view, which copied 3 floats at a time);
- the NER's CRF (elementwise sums and maxima, no products) decodes groups of batches at
  once, which gives each row the same numbers with fewer numpy calls;
- what depends on a word (vocabulary ids, shape) or a tag (POS, features, BIO part) is
  looked up once per process (the word table bounded, cleared when full).
"""
from __future__ import annotations

from typing import Dict, Iterator, List, Sequence, Tuple

import numpy as np
from razdel import tokenize
from slovnet.bio import parse_bio
from slovnet.conll import parse_conll_tag
from slovnet.shape import word_shape

WORDS_CACHED = 100_000


class TagModel:
    """One slovnet tag model: words → emissions (batch × words × tags)."""

    def __init__(self, api, words_cached: int = WORDS_CACHED):
        infer = api.infer
        self.model = infer.model
        self.words_vocab = infer.encoder.words_vocab
        self.shapes_vocab = infer.encoder.shapes_vocab
        self.tags = infer.decoder.tags_vocab.items
        self.batch_size = api.batch_size
        if infer.encoder.batch_size != api.batch_size:
            raise ValueError("slovnet's encoder and API batch sizes differ")
        self.words_cached = words_cached
        self.word_ids: Dict[str, Tuple[int, int]] = {}
        self._check_float32()
        navec = self.model.emb.word
        qdims, centroids, chunk = navec.codes.shape
        self.navec_indexes = navec.indexes.array
        self.navec_codes = navec.codes.array.reshape(qdims * centroids, chunk)
        self.navec_offsets = np.arange(qdims) * centroids
        self.navec_dim = navec.dim

    def _check_float32(self) -> None:
        """In-place float32 arithmetic equals slovnet's only if its weights are float32 too."""
        for layer in self.model.encoder.layers:
            for weight in (layer.conv.weight, layer.conv.bias, layer.norm.mean, layer.norm.std,
                           layer.norm.weight, layer.norm.bias):
                if weight.array.dtype != np.float32:
                    raise TypeError(f"expected float32 weights, got {weight.array.dtype}")

    def encode(self, word: str) -> Tuple[int, int]:
        """(word id, shape id), as slovnet's WordShapeEncoder.item."""
        ids = self.word_ids.get(word)
        if ids is None:
            if len(self.word_ids) >= self.words_cached:
                self.word_ids.clear()
            ids = self.word_ids[word] = (self.words_vocab.encode(word.lower()),
                                        self.shapes_vocab.encode(word_shape(word)))
        return ids

    def batches(self, items: Sequence, words: List[List[str]]) -> Iterator[Tuple[List[int], np.ndarray]]:
        """(indexes of the items, keep mask) and the emissions of each run, shortest first."""
        order = sorted(range(len(items)), key=lambda i: len(items[i]))
        for start in range(0, len(order), self.batch_size):
            indexes = order[start:start + self.batch_size]
            batch = [words[i] for i in indexes]
            word_id = np.full((len(batch), max(map(len, batch))), self.words_vocab.pad_id)
            shape_id = np.full(word_id.shape, self.shapes_vocab.pad_id)
            for row, item in enumerate(batch):
                if item:
                    word_id[row, :len(item)], shape_id[row, :len(item)] = zip(*map(self.encode, item))
            pad_mask = word_id == self.words_vocab.pad_id
            yield indexes, pad_mask, self.emissions(word_id, shape_id, pad_mask)

    def embed(self, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
        """slovnet's WordShapeEmbedding: navec's product-quantised vectors, then shapes."""
        batch, length = word_id.shape
        indexes = self.navec_indexes[word_id.ravel()] + self.navec_offsets
        words = np.take(self.navec_codes, indexes, axis=0).reshape(batch, length, self.navec_dim)
        shapes = self.model.emb.shape.weight.array[shape_id]
        return np.concatenate((words, shapes), axis=-1)

    def emissions(self, word_id: np.ndarray, shape_id: np.ndarray, pad_mask: np.ndarray) -> np.ndarray:
        """slovnet's Tag.__call__, with activations kept as batch × words × channels."""
        x = self.embed(word_id, shape_id)
        for layer in self.model.encoder.layers:
            x = conv_layer(layer, x)
            x[pad_mask] = 0
        return self.model.head(x)


def conv_windows(x: np.ndarray, kernel: int, padding: int) -> np.ndarray:
    """(batch × windows) × (channels × kernel): slovnet's Conv1d windows over zero padding."""
    batch, length, channels = x.shape
    count = length + 2 * padding - kernel + 1
    windows = np.zeros((batch, count, channels, kernel), dtype=x.dtype)
    for offset in range(kernel):
        shift = offset - padding  # window w reads word w + shift
        first, last = max(0, -shift), min(count, length - shift)
        if first < last:
            windows[:, first:last, :, offset] = x[:, first + shift:last + shift, :]
    return windows.reshape(batch * count, channels * kernel)


def conv_layer(layer, x: np.ndarray) -> np.ndarray:
    """Conv1d, ReLU, BatchNorm1d of one slovnet CNNEncoderLayer, on batch × words × channels."""
    conv, norm = layer.conv, layer.norm
    filters, channels, kernel = conv.weight.shape
    weight = conv.weight.array.reshape(filters, channels * kernel)
    output = np.matmul(conv_windows(x, kernel, conv.padding), weight.T)
    output += conv.bias.array
    output.clip(0, out=output)
    output -= norm.mean.array
    output /= norm.std.array
    output *= norm.weight.array
    output += norm.bias.array
    return output.reshape(x.shape[0], -1, filters)


class MorphTagger(TagModel):
    """Sentences of words → (POS, features as spaCy's morph string or None) per word."""

    def __init__(self, api, words_cached: int = WORDS_CACHED):
        super().__init__(api, words_cached)
        self.tag_parts = [pos_and_feats(tag) for tag in self.tags]

    def tag(self, sentences: List[List[str]]) -> List[List[Tuple[str, str]]]:
        tagged: List = [None] * len(sentences)
        for indexes, pad_mask, emissions in self.batches(sentences, sentences):
            tag_ids = emissions.argmax(-1)
            for row, (index, size) in enumerate(zip(indexes, (~pad_mask).sum(-1))):
                parts = [self.tag_parts[tag_id] for tag_id in tag_ids[row, :size].tolist()]
                tagged[index] = parts[:len(sentences[index])]
        return tagged


def pos_and_feats(tag: str) -> Tuple[str, str]:
    """`NOUN|Case=Nom|Gender=Masc` → ('NOUN', 'Case=Nom|Gender=Masc'); no features → None."""
    pos, feats = parse_conll_tag(tag)
    return pos, "|".join(f"{key}={value}" for key, value in sorted(feats.items())) or None


class NERTagger(TagModel):
    """Texts → (start, stop, type) of each PER, LOC, ORG span, as natasha's NewsNERTagger."""

    def __init__(self, api, words_cached: int = WORDS_CACHED):
        super().__init__(api, words_cached)
        self.bio = [parse_bio(tag) for tag in self.tags]
        self.transitions = self.model.head.crf.transitions.array

    def spans(self, texts: List[str]) -> List[List[Tuple[int, int, str]]]:
        words = [[token.text for token in tokenize(text)] for text in texts]  # slovnet's text_words
        found: List = [None] * len(texts)
        for indexes, keep, emissions in decode_groups(self.batches(texts, words), VITERBI_ROWS):
            for index, tag_ids in zip(indexes, viterbi(emissions, keep, self.transitions)):
                found[index] = self.bio_spans(texts[index], words[index], tag_ids)
        return found

    def bio_spans(self, text: str, words: List[str], tag_ids: List[int]) -> List[Tuple[int, int, str]]:
        """slovnet's bio_spans over the words as its find_tokens finds them in the text."""
        spans, previous, start, stop = [], None, None, None
        offset = 0
        for word, tag_id in zip(words, tag_ids):
            word_start = text.find(word, offset)
            offset = word_start + len(word)
            part, type = self.bio[tag_id]
            if part == "O":
                if previous:
                    spans.append((start, stop, previous))
                    previous = None
            elif part == "B":
                if previous:
                    spans.append((start, stop, previous))
                previous, start, stop = type, word_start, offset
            elif part == "I":
                stop = offset
        if previous:
            spans.append((start, stop, previous))
        return spans


VITERBI_ROWS = 256


def decode_groups(batches, rows: int) -> Iterator[Tuple[List[int], np.ndarray, np.ndarray]]:
    """The model's batches joined into groups of about `rows` items for the CRF: its steps are
    elementwise sums and maxima, the same for a row whatever its neighbours (unlike the
    model's products), and a step per word for 8 items at a time cost more in numpy calls
    than in arithmetic. Positions past an item's batch are masked, as its padding was."""
    group: list = []
    for batch in batches:
        group.append(batch)
        if sum(len(indexes) for indexes, _, _ in group) >= rows:
            yield _joined(group)
            group = []
    if group:
        yield _joined(group)


def _joined(group: list) -> Tuple[List[int], np.ndarray, np.ndarray]:
    indexes = [index for batch_indexes, _, _ in group for index in batch_indexes]
    length = max(pad_mask.shape[1] for _, pad_mask, _ in group)
    tags = group[0][2].shape[2]
    keep = np.zeros((len(indexes), length), dtype=bool)
    emissions = np.zeros((len(indexes), length, tags), dtype=group[0][2].dtype)
    row = 0
    for batch_indexes, pad_mask, batch_emissions in group:
        size, width = pad_mask.shape
        keep[row:row + size, :width] = ~pad_mask
        emissions[row:row + size, :width] = batch_emissions
        row += size
    return indexes, keep, emissions


def viterbi(emissions: np.ndarray, mask: np.ndarray, transitions: np.ndarray) -> List[List[int]]:
    """slovnet's CRF.decode: the same sums and argmax, the path traced for all rows at once."""
    batch_size, length, tags = emissions.shape
    emissions, mask = emissions.swapaxes(1, 0), mask.swapaxes(1, 0)
    history = []
    score = emissions[0]
    for index in range(1, length):
        scores = score.reshape(batch_size, tags, 1) + transitions + emissions[index].reshape(batch_size, 1, tags)
        history.append(scores.argmax(-2))
        score = np.where(mask[index].reshape(batch_size, 1), scores.max(-2), score)
    sizes = mask.sum(0) - 1
    if (sizes < 0).any():
        raise ValueError("an empty item in a NER batch")
    rows = np.arange(batch_size)
    best = score.argmax(-1)
    path = np.zeros((batch_size, length), dtype=best.dtype)
    path[rows, sizes] = best
    for index in range(length - 1, 0, -1):
        active = sizes >= index
        best = np.where(active, history[index - 1][rows, best], best)
        path[active, index - 1] = best[active]
    return [path[row, :size + 1].tolist() for row, size in enumerate(sizes)]
