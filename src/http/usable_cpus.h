// How many CPUs this process may run on: its affinity (a container's cpuset, `taskset`), which
// std::thread::hardware_concurrency() ignores — it counts the machine's. A server given two
// CPUs of a 64-core host serves on two threads, not 64: more serving threads than cores only
// make requests wait behind each other.
#pragma once

namespace gazette::http {

/// The CPUs in this process's affinity; the machine's count when the system does not say.
unsigned usable_cpu_count();

}  // namespace gazette::http
