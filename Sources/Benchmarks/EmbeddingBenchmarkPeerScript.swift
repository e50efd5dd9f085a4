/// The Python side of `valueprobe bench embed`: one small script, written to a temporary file and run once per
/// (task, thread count) as `python SCRIPT TASK ARGS.json`. It times the peer libraries on the inputs ValueProbe
/// wrote (warm-up first, then `repetitions` timed runs) and prints one JSON object: the timed seconds, the
/// library's version and task-specific checks. Thread counts are set through the environment before import
/// (BLAS, OpenMP, Rayon) and, for PyTorch, `torch.set_num_threads`.
enum EmbeddingBenchmarkPeerScript {
    static let source = #"""
import json
import sys
import time


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def neighbors(a):
    import numpy as np
    x = np.ascontiguousarray(np.load(a["matrix"]), dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    x = x / np.where(norms > 0, norms, 1)
    rows = np.asarray(a["rows"])
    k = a["k"]

    def search():
        s = x[rows] @ x.T
        s[np.arange(len(rows)), rows] = -np.inf
        top = np.argpartition(-s, k, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(s, top, axis=1), axis=1, kind="stable")
        return np.take_along_axis(top, order, axis=1)

    search()
    seconds, result = [], None
    for _ in range(a["repetitions"]):
        t, result = timed(search)
        seconds.append(t)
    return {"seconds": seconds, "version": "numpy " + np.__version__, "neighbors": result.tolist()}


def word2vec(a):
    import gensim
    from gensim.models import Word2Vec
    seconds, words = [], 0
    for _ in range(a["repetitions"]):
        model = Word2Vec(vector_size=a["dimension"], window=a["window"], negative=a["negative"], hs=0,
                         min_count=a["min_count"], sample=a["sample"], alpha=a["alpha"], min_alpha=a["min_alpha"],
                         sg=1 if a["skip_gram"] else 0, workers=a["threads"], seed=a["seed"], epochs=a["epochs"])
        model.build_vocab(corpus_file=a["corpus"])
        words = model.corpus_total_words
        t, _ = timed(lambda: model.train(corpus_file=a["corpus"], total_words=words, epochs=model.epochs))
        seconds.append(t)
    return {"seconds": seconds, "version": "gensim " + gensim.__version__, "words": words,
            "vocabulary": len(model.wv)}


def lsa(a):
    import gensim
    from gensim import corpora, models
    with open(a["corpus"], encoding="utf-8", errors="replace") as f:
        docs = [line.split() for line in f]
    docs = [d for d in docs if d]

    def train():
        dictionary = corpora.Dictionary(docs)
        rare = [i for i, c in dictionary.cfs.items() if c < a["min_count"]]
        dictionary.filter_tokens(bad_ids=rare)
        dictionary.compactify()
        bow = [dictionary.doc2bow(d) for d in docs]
        tfidf = models.TfidfModel(bow, id2word=dictionary)
        lsi = models.LsiModel(tfidf[bow], id2word=dictionary, num_topics=a["k"], power_iters=a["power_iterations"],
                              extra_samples=a["oversampling"], onepass=False, random_seed=a["seed"])
        return len(dictionary), lsi.projection.s

    seconds, terms, s = [], 0, []
    for _ in range(a["repetitions"]):
        t, (terms, s) = timed(train)
        seconds.append(t)
    return {"seconds": seconds, "version": "gensim " + gensim.__version__ + " LsiModel(onepass=False)",
            "terms": terms, "singular_values": [float(v) for v in s[:5]]}


def minilm(a):
    import torch
    torch.set_num_threads(a["threads"])
    import sentence_transformers
    from sentence_transformers import SentenceTransformer
    with open(a["sentences"], encoding="utf-8") as f:
        sentences = json.load(f)
    model = SentenceTransformer(a["model"], device="cpu")
    model.encode(sentences[:64], batch_size=a["batch_size"])
    seconds, vectors = [], None
    for _ in range(a["repetitions"]):
        t, vectors = timed(lambda: model.encode(sentences, batch_size=a["batch_size"], convert_to_numpy=True))
        seconds.append(t)
    return {"seconds": seconds,
            "version": "sentence-transformers " + sentence_transformers.__version__ + ", torch " + torch.__version__,
            "first_vector": [float(v) for v in vectors[0]]}


def probe(_):
    found = {}
    for name in ("numpy", "gensim", "sentence_transformers"):
        try:
            module = __import__(name)
            found[name] = getattr(module, "__version__", "?")
        except Exception:
            pass
    return found


if __name__ == "__main__":
    task = sys.argv[1]
    args = {}
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as f:
            args = json.load(f)
    print(json.dumps({"neighbors": neighbors, "word2vec": word2vec, "lsa": lsa, "minilm": minilm,
                      "probe": probe}[task](args)))
"""#
}
