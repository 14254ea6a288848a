#pragma once

// ByteSource: the bytes of one input (a file, standard input, or memory), read in
// chunks, with gzip compression undone. Readers never hold a whole file: they pull
// what they need.
//
//   OVS_ASSIGN_OR_RETURN(auto input, OpenByteSource("receipt.xes.gz"));
//   char buf[65536];
//   OVS_ASSIGN_OR_RETURN(size_t n, input->Read(buf, sizeof buf));  // 0 = end of input

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace oversight::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `size` bytes into `out` and returns how many; 0 only at the end of
  // input. Data that decoded cleanly before a fault is returned first; the fault
  // (an I/O error, a corrupt or truncated gzip stream) comes on the next call, and
  // on every call after it.
  virtual base::Result<std::size_t> Read(char* out, std::size_t size) = 0;
  // What messages call this input: the path, "stdin", or the given name.
  virtual const std::string& name() const = 0;
};

// Opens `path` for reading; "-" is standard input. Gzip input is recognised by its
// magic bytes (1f 8b), not by the file name, and inflated as it is read; several
// concatenated gzip members read as one stream. kNotFound when the file does not
// exist, kInvalidArgument when it cannot be opened for another reason.
base::Result<std::unique_ptr<ByteSource>> OpenByteSource(std::string_view path);

// An in-memory input (a request body, a test), gzip detected the same way.
std::unique_ptr<ByteSource> ByteSourceFromString(std::string data, std::string name);

// Reads `prefix` first, then the rest of `rest`: lets a reader look at the first
// bytes of an input (to sniff a format or an encoding) and put them back.
std::unique_ptr<ByteSource> PrependBytes(std::string prefix, std::unique_ptr<ByteSource> rest);

// Undoes gzip if `input` starts with the gzip magic bytes; otherwise returns a
// source that reads `input` unchanged. OpenByteSource and ByteSourceFromString
// already do this.
std::unique_ptr<ByteSource> MaybeGunzip(std::unique_ptr<ByteSource> input);

}  // namespace oversight::ingest
