"""An HTTP client that talks to a real server as a browser behind the load balancer does."""

import http.client
import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


class HttpClient:
    """A browser behind the load balancer: HTTPS said by header, cookies kept."""

    def __init__(self, port, host="localhost", source_address=None):
        self.port = port
        self.host = host
        # Another loopback address (127.0.0.x) to connect from: another client.
        self.source_address = (source_address, 0) if source_address else None
        self.cookies = {}

    def request(self, method, path, data=None, headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=self.source_address
        )
        sent = {"Host": self.host, "X-Forwarded-Proto": "https", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = f"https://{self.host}"
            sent["Referer"] = f"https://{self.host}{path}"
        connection.request(method, path, body=body, headers=sent)
        raw = connection.getresponse()
        response = Response(raw.status, raw.headers, raw.read())
        connection.close()
        for header in raw.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, data, headers=None):
        return self.request("POST", path, data=data, headers=headers)

    def csrf_token(self, html):
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert match, "no CSRF token in the form"
        return match.group(1)

    def admin_login(self, username, password, otp_token=""):
        """Log in as a person would: user name, password and code on the one form."""
        path = "/admin/login/?next=/admin/"
        form = self.get(path)
        fields = {"username": username, "password": password, "next": "/admin/"}
        return self.post(
            path,
            {**fields, "otp_token": otp_token, "csrfmiddlewaretoken": self.csrf_token(form.text)},
        )
