"""PagerDuty and SCIM on loopback for Benchmarks/drill-render.sh, in the shapes the
provider tests use (PagerDuty's on-calls list; RFC 7644 ListResponse of RFC 7643 groups
and users): ana and ben are on call, the SCIM group `sre` holds ana and chidi.
Writes the port it listens on to the file named by its argument, then serves until killed."""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

PEOPLE = {"u-ana": "ana@corp.example", "u-ben": "ben@corp.example", "u-chidi": "chidi@corp.example"}


def on_call(user_id):
    email = PEOPLE[user_id]
    return {"escalation_level": 1, "schedule": {"id": "PBENCH1", "type": "schedule_reference"},
            "user": {"id": user_id, "type": "user", "name": email, "email": email}}


def scim_user(user_id):
    email = PEOPLE[user_id]
    return {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": user_id, "userName": email,
            "emails": [{"value": email, "type": "work", "primary": True}]}


class Providers(BaseHTTPRequestHandler):
    def do_GET(self):
        path = urlparse(self.path).path
        if path == "/oncalls":
            body = {"oncalls": [on_call("u-ana"), on_call("u-ben")], "limit": 25, "offset": 0, "more": False, "total": None}
        elif path == "/Groups":
            group = {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g-sre", "displayName": "sre",
                     "members": [{"value": "u-ana", "display": "Ana"}, {"value": "u-chidi", "display": "Chidi"}]}
            body = {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 1,
                    "itemsPerPage": 1, "startIndex": 1, "Resources": [group]}
        elif path.startswith("/Users/") and path[len("/Users/"):] in PEOPLE:
            body = scim_user(path[len("/Users/"):])
        elif path == "/Users":
            users = [scim_user(user_id) for user_id in PEOPLE]
            body = {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": len(users),
                    "itemsPerPage": len(users), "startIndex": 1, "Resources": users}
        else:
            self.send_response(404)
            self.end_headers()
            return
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Providers)
with open(sys.argv[1], "w") as port_file:
    port_file.write(str(server.server_address[1]))
server.serve_forever()
