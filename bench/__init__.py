"""`make bench`: throughput, start-up and memory of the pipeline against natasha's own pipeline."""
