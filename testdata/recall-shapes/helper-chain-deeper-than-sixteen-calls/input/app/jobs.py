"""The way a job request goes down to the tool it runs: twenty layers of helpers."""

import subprocess


def parse_request(job):
    return check_quota(job)


def check_quota(job):
    return load_settings(job)


def load_settings(job):
    return resolve_model(job)


def resolve_model(job):
    return pick_backend(job)


def pick_backend(job):
    return prepare_job(job)


def prepare_job(job):
    return render_template(job)


def render_template(job):
    return collect_inputs(job)


def collect_inputs(job):
    return normalise_inputs(job)


def normalise_inputs(job):
    return build_command(job)


def build_command(job):
    return add_environment(job)


def add_environment(job):
    return add_limits(job)


def add_limits(job):
    return add_logging(job)


def add_logging(job):
    return wrap_command(job)


def wrap_command(job):
    return schedule_job(job)


def schedule_job(job):
    return start_job(job)


def start_job(job):
    return launch(job)


def launch(job):
    return spawn(job)


def spawn(job):
    return run_tool(job)


def run_tool(job):
    return call_tool(job)


def call_tool(job):
    return subprocess.run(["tool", job], check=True, capture_output=True).stdout
