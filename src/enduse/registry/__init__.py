"""Registry: transfers, end-use conditions over time, their import and export, and the policy
engine that checks claims against them. Plain functions over the domain objects; the store
and the CLI call these and hold no registry logic of their own.
"""

from enduse.registry.csvio import parse_registry_csv, read_registry_csv, registry_csv, write_registry_csv
from enduse.registry.files import FORMATS, load_registry, read_registry_file
from enduse.registry.findings import Query, finding_json, query_from_claim, query_from_dict
from enduse.registry.policy import PolicyEngine, check_claims, conditions_in_force, engine_kind
from enduse.registry.results import ImportResult, RowRejection
from enduse.registry.sipri import read_sipri
from enduse.registry.yamlio import DEMO_REGISTRY, load_registry_yaml, registry_yaml, write_registry_yaml

__all__ = [
    "DEMO_REGISTRY",
    "FORMATS",
    "ImportResult",
    "PolicyEngine",
    "Query",
    "RowRejection",
    "check_claims",
    "conditions_in_force",
    "engine_kind",
    "finding_json",
    "load_registry",
    "load_registry_yaml",
    "parse_registry_csv",
    "query_from_claim",
    "query_from_dict",
    "read_registry_csv",
    "read_registry_file",
    "read_sipri",
    "registry_csv",
    "registry_yaml",
    "write_registry_csv",
    "write_registry_yaml",
]
