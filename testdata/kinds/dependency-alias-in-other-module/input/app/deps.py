from typing import Annotated

from fastapi import Depends

from app.security import User, get_current_user

CurrentUser = Annotated[User, Depends(get_current_user)]
