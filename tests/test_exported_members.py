import dateline


def test_public_names_are_exactly_all() -> None:
    assert dateline.Pipeline.__name__ == "Pipeline" and dateline.Limits.__name__ == "Limits"
    exported = {name for name in dir(dateline) if not name.startswith("_")} | {"Pipeline", "Limits"}
    exported -= {
        # submodules imported as a side effect of the re-exports
        "errors", "model", "pipeline", "store", "nlp", "stages",
    }  # fmt: skip
    assert exported == set(dateline.__all__) - {"__version__"}
