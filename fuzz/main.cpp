// libFuzzer entry point; VEILLE_FUZZ_TARGET names the function (fuzz/CMakeLists.txt
// builds one executable per target).
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return veille::fuzz::VEILLE_FUZZ_TARGET(data, size);
}
