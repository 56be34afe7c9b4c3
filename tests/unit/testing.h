/*
** testing.h — what every cmocka unit test includes.
*/
#ifndef VIGIL_TESTING_H
#define VIGIL_TESTING_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#endif
