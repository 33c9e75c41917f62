class Run:
    @classmethod
    def find(cls, run_id: str, session):
        return session.query(cls).filter_by(id=run_id).first()


class Factory:
    """Finds runs with the session its subclass opens (it defines no ``get_session`` itself)."""

    def find_run(self, run_id: str):
        return Run.find(run_id, self.get_session())
