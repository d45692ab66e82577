import types

import dateline


def test_public_names_are_exactly_all() -> None:
    assert dateline.Pipeline.__name__ == "Pipeline" and dateline.Limits.__name__ == "Limits"
    public = {
        name
        for name, value in vars(dateline).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)  # submodules loaded on the way
    }
    assert public | {"Pipeline", "Limits"} == set(dateline.__all__) - {"__version__"}
