// CPU feature detection and the scalar overrides.
#include <stdatomic.h>

#include "ckernels.h"
#include "dispatch.h"

static atomic_int cpu_state = -1;        // -1 unknown, 0 no AVX2/FMA/F16C, 1 all three
static atomic_int forced_scalar = 0;     // process-wide override
static _Thread_local int thread_scalar;  // per-thread override

static int detect(void) {
#if VP_X86
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
#else
    return 0;
#endif
}

int vp_cpu_supports_avx2(void) {
    int s = atomic_load_explicit(&cpu_state, memory_order_relaxed);
    if (s < 0) {
        s = detect();
        atomic_store_explicit(&cpu_state, s, memory_order_relaxed);
    }
    return s;
}

int vp_use_avx2(void) {
    return vp_cpu_supports_avx2() && !atomic_load_explicit(&forced_scalar, memory_order_relaxed) && !thread_scalar;
}

int vp_cpu_has_avx2(void) { return vp_use_avx2(); }

void vp_force_scalar(int on) { atomic_store_explicit(&forced_scalar, on ? 1 : 0, memory_order_relaxed); }

void vp_force_scalar_thread(int on) { thread_scalar = on ? 1 : 0; }
