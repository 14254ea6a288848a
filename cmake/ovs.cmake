# ovs_library(NAME name SRCS ... DEPS ...): one library per src/ folder, with its
# dependencies written out so the module table in docs/ARCHITECTURE.md can be read
# from the build.
function(ovs_library)
  cmake_parse_arguments(OVS "" "NAME" "SRCS;DEPS" ${ARGN})
  add_library(ovs_${OVS_NAME} STATIC ${OVS_SRCS})
  target_include_directories(ovs_${OVS_NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(ovs_${OVS_NAME} PUBLIC ${OVS_DEPS})
endfunction()

# ovs_test(NAME name SRCS ... DEPS ... [LABEL unit|integration]): a GoogleTest
# executable registered with CTest.
function(ovs_test)
  if(NOT OVS_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(OVS "" "NAME;LABEL" "SRCS;DEPS" ${ARGN})
  if(NOT OVS_LABEL)
    set(OVS_LABEL unit)
  endif()
  add_executable(${OVS_NAME}_test ${OVS_SRCS})
  target_include_directories(${OVS_NAME}_test PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_libraries(${OVS_NAME}_test PRIVATE ${OVS_DEPS} GTest::gtest_main GTest::gmock)
  target_compile_definitions(${OVS_NAME}_test PRIVATE
    OVS_SOURCE_DIR="${PROJECT_SOURCE_DIR}" OVS_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(${OVS_NAME}_test
    PROPERTIES LABELS ${OVS_LABEL}
    DISCOVERY_TIMEOUT 60)
endfunction()
