"""Registry: transfers, end-use conditions over time (and, to come, the policy engine)."""

from enduse.registry.yamlio import DEMO_REGISTRY, load_registry_yaml

__all__ = ["DEMO_REGISTRY", "load_registry_yaml"]
