"""prefect.yaml: each deployment's entrypoint is a real flow that takes the parameters it is given."""

from __future__ import annotations

import inspect

import yaml

from tests.conftest import ROOT


def test_deployments_point_at_real_flows() -> None:
    from prefect.flows import load_flow_from_entrypoint

    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text("utf-8"))
    names = {d["name"] for d in spec["deployments"]}
    assert names == {"process-inbox", "deadline-batch"}
    for dep in spec["deployments"]:
        path, _, _ = dep["entrypoint"].partition(":")
        flow = load_flow_from_entrypoint(str(ROOT / path) + ":" + dep["entrypoint"].partition(":")[2])
        params = inspect.signature(flow.fn).parameters
        assert set(dep["parameters"]) <= set(params), dep["name"]
        assert dep["work_pool"]["name"] == "hoso" and dep["schedules"]
