"""Keys and profiles of a running gateway: one guard per (tenant, profile), files re-read when they change.

:class:`Keyring` turns API keys into :class:`~charter.gateway._exchange.Client` objects (a key's guard
and rate-limit bucket). The keys file and the profile files it loaded are looked at now and then
(:class:`_Watched`): a file is read once it has stopped changing, so an editor's half-written file is
never taken for the new keys or profile.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from charter.checks import Registry
from charter.exceptions import ConfigError
from charter.gateway._config import ApiKey, GatewayConfig, load_keys
from charter.gateway._exchange import Client
from charter.guard import Guard, Profile, load_profile
from charter.spec import Spec

__all__ = ["Keyring"]


def _profile_path(config: GatewayConfig, name: str) -> Path | None:
    """``<profiles_dir>/<name>.yaml`` (or ``.yml``) when it exists."""
    if config.profiles_dir is not None:
        for suffix in (".yaml", ".yml"):
            candidate = config.profiles_dir / f"{name}{suffix}"
            if candidate.exists():
                return candidate
    return None


def _profiles(config: GatewayConfig, names: set[str]) -> dict[str, Profile]:
    """The profiles keys name: ``<profiles_dir>/<name>.yaml``; ``default`` needs no file."""
    found: dict[str, Profile] = {}
    for name in sorted(names):
        path = _profile_path(config, name)
        if path is not None:
            profile = load_profile(path)
            found[name] = profile if profile.name == name else profile.model_copy(update={"name": name})
        elif name == "default":
            found[name] = Profile()
        else:
            where = config.profiles_dir if config.profiles_dir is not None else "(no profiles folder given)"
            raise ConfigError(f"profile {name!r} named by a key is not in {where}")
    return found


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size, found.st_ino)


class _Watched:
    """A file looked at now and then. :meth:`changed` says yes once the file has changed and then
    stayed the same (time, size and inode) for one more look, so a file caught half written by an
    editor is never read; a missing file is never a change."""

    __slots__ = ("_changing", "_seen", "path")

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen = _stamp(path)
        self._changing: tuple[int, int, int] | None = None

    def changed(self) -> bool:
        stamp = _stamp(self.path)
        if stamp is None or stamp == self._seen:
            self._changing = None
            return False
        if stamp != self._changing:
            self._changing = stamp  # look again next time
            return False
        self._seen, self._changing = stamp, None
        return True


class Keyring:
    """Turns keys into clients: one guard per (tenant, profile), shared; re-reads the keys file and
    the profile files it loaded when they change."""

    def __init__(
        self,
        config: GatewayConfig,
        spec: Spec,
        registry: Registry | None,
        profiles: dict[str, Profile],
        *,
        path: Path | None,
    ) -> None:
        self.config = config
        self.spec = spec
        self.registry = registry
        self.profiles = profiles
        self.path = path
        #: profiles whose files were read again by the last :meth:`reload`
        self.renewed: list[str] = []
        self._guards: dict[tuple[str, str], Guard] = {}
        self._keys_file = _Watched(path) if path is not None else None
        self._profile_files: dict[str, _Watched] = {}

    def build(
        self, keys: Sequence[ApiKey], current: dict[str, Client], renewed: frozenset[str] = frozenset()
    ) -> dict[str, Client]:
        """Clients for ``keys``. A key already in ``current`` with the same settings keeps its client,
        unless its profile is in ``renewed``; a key whose rate limit is unchanged keeps its bucket."""
        missing = {k.profile for k in keys} - set(self.profiles)
        loaded = _profiles(self.config, missing)
        self.profiles.update(loaded)
        for name in loaded:
            path = _profile_path(self.config, name)
            if path is not None:
                self._profile_files[name] = _Watched(path)
        clients: dict[str, Client] = {}
        for key in keys:
            kept = current.get(key.sha256)
            if kept is not None and kept.key == key and key.profile not in renewed:
                clients[key.sha256] = kept
                continue
            pair = (key.tenant, key.profile)
            if pair not in self._guards:
                self._guards[pair] = Guard(
                    self.spec,
                    self.profiles[key.profile],
                    registry=self.registry,
                    tenant=key.tenant,
                    judge_timeout_s=self.config.judge_timeout_s,
                    judge_model=self.config.judge_model,
                    hold_back=self.config.hold_back,
                )
            client = Client(key, self._guards[pair])
            if kept is not None and kept.key.rpm == key.rpm:
                client.bucket = kept.bucket
            clients[key.sha256] = client
        return clients

    def reload(self, current: dict[str, Client]) -> dict[str, Client] | None:
        """New clients if the keys file or a profile file changed since it was read, else ``None``.

        Each file is read once it has stopped changing (see :class:`_Watched`). A changed profile
        gets new guards for its keys; if the new profile cannot be used (invalid, or asking for more
        than the spec allows), :class:`ConfigError` is raised and nothing changes.
        """
        self.renewed = sorted(name for name, watched in self._profile_files.items() if watched.changed())
        keys_changed = self._keys_file is not None and self._keys_file.changed()
        if not self.renewed and not keys_changed:
            return None
        keys = load_keys(self.path) if keys_changed and self.path is not None else None
        if keys is None:
            keys = [client.key for client in current.values()]
        if not self.renewed:
            return self.build(keys, current)
        fresh = _profiles(self.config, set(self.renewed))
        for profile in fresh.values():
            profile.check(self.spec)
        profiles, guards = self.profiles, self._guards
        self.profiles = {**profiles, **fresh}
        self._guards = {pair: guard for pair, guard in guards.items() if pair[1] not in fresh}
        try:
            return self.build(keys, current, renewed=frozenset(fresh))
        except ConfigError:
            self.profiles, self._guards = profiles, guards
            raise
