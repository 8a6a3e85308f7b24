"""Build glue for `pip install .`: compiles myoref._core with CMake.

Everything else (name, dependencies, package files) is in pyproject.toml.
The version is the project's, read from CMakeLists.txt, so there is one.

Environment:
  MYOREF_CMAKE_ARGS           extra arguments for the CMake configure step
  MYOREF_CMAKE_BUILD_DIR      an existing CMake build of this project to take the
                              module from (brought up to date, not configured);
                              the test suite's pip check reuses its own build so
                              that the library is not compiled again
  CMAKE_BUILD_PARALLEL_LEVEL  build jobs (default: one per CPU)
"""

from __future__ import annotations

import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


def project_version() -> str:
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(\s*myoref\s+VERSION\s+([0-9][0-9.]*)", text)
    if not match:
        raise RuntimeError("no `project(myoref VERSION x.y.z` in CMakeLists.txt")
    return match.group(1)


class CMakeExtension(Extension):
    """An extension that CMake builds (target `target`)."""

    def __init__(self, name: str, target: str) -> None:
        super().__init__(name, sources=[])
        self.target = target


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        if not isinstance(ext, CMakeExtension):
            return super().build_extension(ext)
        if shutil.which("cmake") is None:
            raise RuntimeError("building myoref needs cmake (apt-get install cmake)")
        build_dir = pathlib.Path(self.build_temp).resolve() / "cmake"
        config = "Debug" if self.debug else "Release"
        reuse = os.environ.get("MYOREF_CMAKE_BUILD_DIR")
        if reuse:
            build_dir = pathlib.Path(reuse).resolve()
            if not (build_dir / "CMakeCache.txt").is_file():
                raise RuntimeError(f"MYOREF_CMAKE_BUILD_DIR={reuse} is not a CMake build folder")
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir),
            f"-DCMAKE_BUILD_TYPE={config}",
            f"-DPython3_EXECUTABLE={sys.executable}",
            "-DMYOREF_BUILD_PYTHON=ON",
            "-DMYOREF_BUILD_TESTS=OFF",
            "-DMYOREF_BUILD_EXAMPLES=OFF",
            "-DMYOREF_WERROR=OFF",
        ]
        configure += shlex.split(os.environ.get("MYOREF_CMAKE_ARGS", ""))
        build = ["cmake", "--build", str(build_dir), "--config", config,
                 "--target", ext.target, "--parallel"]
        if "CMAKE_BUILD_PARALLEL_LEVEL" not in os.environ:
            build.append(str(os.cpu_count() or 1))
        if not reuse:
            subprocess.run(configure, check=True)
        subprocess.run(build, check=True)

        built = sorted((build_dir / "bindings" / "python" / "myoref").glob("_core*.so"))
        if len(built) != 1:
            raise RuntimeError(f"expected one built _core module in {build_dir}, found {built}")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)


setup(
    version=project_version(),
    ext_modules=[CMakeExtension("myoref._core", target="myoref_python")],
    cmdclass={"build_ext": CMakeBuild},
    # Not build/: that is where the CMake build of the project usually lives.
    options={"build": {"build_base": "build-python"}},
    zip_safe=False,
)
