"""Start-up time: milliseconds from process start to the first 200 from /health.

Usage: python3 startup_probe.py BINARY RUNS [VAR=VALUE ...]
Starts BINARY RUNS times on a free loopback port, polls /health every millisecond, stops each run
with SIGTERM, and prints one line per run and the median. Loopback only; each run is bounded.
"""
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import time

RUN_DEADLINE_SECONDS = 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def health_is_200(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("GET", "/health")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def one_run(binary: str, extra_env: dict) -> float:
    port = free_port()
    env = dict(os.environ, APP_LISTEN_ADDRESS="127.0.0.1", APP_PORT=str(port), **extra_env)
    started = time.perf_counter()
    process = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < RUN_DEADLINE_SECONDS:
            if health_is_200(port):
                return (time.perf_counter() - started) * 1000
            if process.poll() is not None:
                sys.exit(f"service exited with code {process.returncode} before answering /health")
            time.sleep(0.001)
        sys.exit(f"no 200 from /health within {RUN_DEADLINE_SECONDS} s")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)


def main() -> None:
    if len(sys.argv) < 3 or not sys.argv[2].isdigit():
        sys.exit("usage: startup_probe.py BINARY RUNS [VAR=VALUE ...]")
    binary, runs = sys.argv[1], int(sys.argv[2])
    extra_env = dict(pair.split("=", 1) for pair in sys.argv[3:])
    timings = []
    for run in range(1, runs + 1):
        timings.append(one_run(binary, extra_env))
        print(f"startup_run_{run}_ms {timings[-1]:.1f}")
    print(f"startup_median_ms {statistics.median(timings):.1f}")


if __name__ == "__main__":
    main()
