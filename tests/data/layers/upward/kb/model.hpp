// A model file that includes from the engine: check_layers.py must refuse it.
#include "engine/engine.hpp"
