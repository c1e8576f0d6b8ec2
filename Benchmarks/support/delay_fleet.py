#!/usr/bin/env python3
"""The delayed fleet of Benchmarks/probe-vs-lychee: HOSTS loopback hosts (127.0.0.1 to
127.0.0.HOSTS) whose every answer comes after a realistic server delay, 50 to 200 ms,
fixed per URL (`delay_ms`), so both tools wait the same total time and the best any
client can do at concurrency C over N URLs is N x mean delay / C.

Paths are /KIND/N as in probe-fleet.py: ok (200, a small HTML page), gone (404),
deny (403). HTTP/1.1 with keep-alive, HEAD and GET; loopback only.

Usage: delay_fleet.py PORT HOSTS   (runs until killed; prints "ready" once listening)"""
import asyncio
import sys

STATUS = {"ok": (200, "OK"), "gone": (404, "Not Found"), "deny": (403, "Forbidden")}
PAGE = b"<!doctype html><html><body><h1>dashboard</h1></body></html>"


def delay_ms(n):
    """The delay of URL number n: spread evenly over 50..200 ms (mean 125 ms)."""
    return 50 + (n * 37) % 151


def answer(method, path):
    parts = path.split("/")
    kind = parts[1] if len(parts) > 2 else ""
    number = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 0
    status, words = STATUS.get(kind, (404, "Not Found"))
    body = PAGE if status == 200 else b""
    head = (f"HTTP/1.1 {status} {words}\r\nContent-Type: text/html\r\n"
            f"Content-Length: {len(body)}\r\nConnection: keep-alive\r\n\r\n").encode()
    return delay_ms(number), head + (b"" if method == "HEAD" else body)


async def serve(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            method, path = head.split(b" ", 2)[:2]
            delay, response = answer(method.decode(), path.decode())
            await asyncio.sleep(delay / 1000)
            writer.write(response)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, ValueError):
        pass
    finally:
        writer.close()


async def main(port, hosts):
    servers = [await asyncio.start_server(serve, f"127.0.0.{i + 1}", port, backlog=1024) for i in range(hosts)]
    print("ready", flush=True)
    await asyncio.gather(*(s.serve_forever() for s in servers))


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
