// fields_evt_more.cpp's fields on built events (tests/unit/common/field_harness.h).
#include <doctest/doctest.h>

#include "../common/field_harness.h"
