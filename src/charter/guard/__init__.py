"""Enforcement: chain-of-command resolution, override profiles and decisions."""

from charter.guard._profile import PROFILE_VERSION, Profile, load_profile

__all__ = ["PROFILE_VERSION", "Profile", "load_profile"]
