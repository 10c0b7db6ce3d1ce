#include <doctest/doctest.h>

#include "event/container_record.h"

using namespace tracetop::event;

namespace {

// A payload shaped like the ones sysdig 0.29.3 writes (jsoncpp's FastWriter).
const char* kSysdigJson =
    R"({"container":{"Mounts":[{"Destination":"/data","Mode":"","Propagation":"rprivate","RW":true,)"
    R"("Source":"/srv/data"}],"cpu_period":100000,"cpu_quota":50000,"cpu_shares":512,)"
    R"("cpuset_cpu_count":0,"created_time":1600000000,"env":[],"full_id":"3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e",)"
    R"("id":"3ad7b26ded6d","image":"busybox:latest","imagedigest":"","imageid":"sha256:6ad733544a6317992a6fac4eb19fe1df577d4dec7529efec28a5bd0edad0fd30",)"
    R"("imagerepo":"busybox","imagetag":"latest","ip":"172.17.0.2","is_pod_sandbox":false,)"
    R"("labels":{"io.kubernetes.pod.name":"web-0","io.kubernetes.pod.namespace":"shop"},)"
    R"("lookup_state":1,"memory_limit":268435456,"metadata_deadline":0,"name":"web",)"
    R"("port_mappings":[{"ContainerPort":80,"HostIp":0,"HostPort":8080}],"privileged":true,)"
    R"("swap_limit":0,"type":0}})"
    "\n";

}  // namespace

TEST_CASE("container JSON as sysdig writes it decodes into every member") {
    auto r = decode_container_json(std::string(kSysdigJson) + '\0');
    REQUIRE(r);
    CHECK(r->id == "3ad7b26ded6d");
    CHECK(r->full_id.size() == 64);
    CHECK(container_type_name(r->type) == "docker");
    CHECK(r->name == "web");
    CHECK(r->image == "busybox:latest");
    CHECK(r->image_id.starts_with("sha256:6ad7"));
    CHECK(r->image_repo == "busybox");
    CHECK(r->image_tag == "latest");
    CHECK(r->privileged);
    CHECK(r->ip == "172.17.0.2");
    CHECK(r->cpu_shares == 512);
    CHECK(r->cpu_quota == 50000);
    CHECK(r->memory_limit == 268435456);
    CHECK(r->created_time == 1600000000);
    REQUIRE(r->mounts.size() == 1);
    CHECK(r->mounts[0].destination == "/data");
    CHECK(r->mounts[0].read_write);
    REQUIRE(r->port_mappings.size() == 1);
    CHECK(r->port_mappings[0].host_port == 8080);
    CHECK(r->k8s_pod_name() == "web-0");
    CHECK(r->k8s_namespace() == "shop");
    CHECK(r->label("absent").empty());
}

TEST_CASE("encoding writes sysdig's bytes back") {
    auto r = decode_container_json(kSysdigJson);
    REQUIRE(r);
    CHECK(encode_container_json(*r) == kSysdigJson);
}

TEST_CASE("a record round-trips through the encoder") {
    ContainerRecord r;
    r.id = "0123456789ab";
    r.type = static_cast<uint32_t>(ContainerType::crio);
    r.name = "k8s_app";
    r.image = "registry/app:1";
    r.labels["a"] = "b";
    r.ip = "10.1.2.3";
    auto back = decode_container_json(encode_container_json(r));
    REQUIRE(back);
    CHECK(back->id == r.id);
    CHECK(container_type_name(back->type) == "cri-o");
    CHECK(back->labels == r.labels);
    CHECK(back->ip == "10.1.2.3");
    CHECK(back->cpu_shares == 1024);
}

TEST_CASE("labels never filled encode as null, as jsoncpp does") {
    ContainerRecord r;
    r.id = "x";
    CHECK(encode_container_json(r).find(R"("labels":null)") != std::string::npos);
}

TEST_CASE("bad payloads are errors, never exceptions") {
    ContainerDecodeError err;
    CHECK_FALSE(decode_container_json("{not json", &err));
    CHECK(err.message.find("not JSON") != std::string::npos);
    CHECK_FALSE(decode_container_json(R"({"other":1})", &err));
    CHECK_FALSE(decode_container_json(R"({"container":[]})", &err));
    CHECK_FALSE(decode_container_json(R"({"container":{"name":"x"}})", &err));
    CHECK(err.message.find("id") != std::string::npos);
    CHECK_FALSE(decode_container_json("", &err));
    // Members of the wrong kind are ignored, not trusted.
    auto r = decode_container_json(
        R"({"container":{"id":"a","name":5,"privileged":"yes","labels":{"k":1},"ip":"nonsense","Mounts":{}}})");
    REQUIRE(r);
    CHECK(r->name.empty());
    CHECK_FALSE(r->privileged);
    CHECK(r->labels.empty());
    CHECK(r->ip == "0.0.0.0");
}

TEST_CASE("the oldest container event has four members") {
    auto r = container_from_legacy("abc", 1, "n", "i");
    CHECK(container_type_name(r.type) == "lxc");
    CHECK(r.name == "n");
    CHECK(r.image == "i");
    CHECK(container_type_name(999) == "unknown");
}
