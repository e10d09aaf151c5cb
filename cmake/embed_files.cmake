# embed_files(TARGET NAME BASE_DIR FILES...): a static library holding the bytes of FILES,
# looked up by their path relative to BASE_DIR through `gazette::embedded::NAME()`.
# Used for the default theme and the SQL migrations, so the binary needs no files beside it.
function(embed_files target name base_dir)
  set(output "${CMAKE_CURRENT_BINARY_DIR}/${name}_embedded.cpp")
  # A CMake list cannot cross the command line intact; '|' never appears in our file names.
  string(REPLACE ";" "|" files "${ARGN}")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -DNAME=${name} -DBASE_DIR=${base_dir} -DOUTPUT=${output}
            "-DFILES=${files}" -P "${PROJECT_SOURCE_DIR}/cmake/write_embedded.cmake"
    DEPENDS ${ARGN} "${PROJECT_SOURCE_DIR}/cmake/write_embedded.cmake"
    COMMENT "Embedding ${name}"
    VERBATIM)
  add_library(${target} STATIC "${output}")
  target_include_directories(${target} PUBLIC "${PROJECT_SOURCE_DIR}/src")
endfunction()
