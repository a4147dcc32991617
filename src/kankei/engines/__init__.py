"""Ways to run the pipeline over a corpus: the local engine (one process or a pool) and Ray."""
